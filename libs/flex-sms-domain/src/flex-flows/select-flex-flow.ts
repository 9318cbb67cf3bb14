import { FlexFlowDisabled, FlexFlowNotFound } from '../errors';
import type { FlexFlow, FlexFlowIntegrationType } from '../ports/flex-flow.port';
import { PhoneNumber } from '../value-objects/phone-number.value-object';

/**
 * Picks the number's Flex Flow for an integration type: only `sms` flows, ContactIdentity compared in E.164.
 *
 * A disabled Task flow is used on purpose: Task flows are normally disabled so inbound messages keep going to
 * Studio, and creating a channel through them still works (see the original Functions' README). A disabled Studio
 * flow is reported instead: the customer's replies would not reach it.
 */
export function selectFlexFlow(flows: readonly FlexFlow[], number: PhoneNumber, integrationType: FlexFlowIntegrationType): FlexFlow {
  const candidates = flows
    .filter((flow) => flow.channelType === 'sms' && flow.integrationType === integrationType)
    .filter((flow) => PhoneNumber.tryParse(flow.contactIdentity)?.equals(number))
    // Several flows for one number and type are a misconfiguration; pick the same one every time.
    .sort((a, b) => a.sid.localeCompare(b.sid));
  if (candidates.length === 0) throw new FlexFlowNotFound(number.e164, integrationType);

  const enabled = candidates.find((flow) => flow.enabled);
  if (enabled) return enabled;
  if (integrationType === 'task') return candidates[0];
  throw new FlexFlowDisabled(candidates[0].sid, number.e164, integrationType);
}
