import type { FlexFlow } from '../ports/flex-flow.port';
import { PhoneNumber } from '../value-objects/phone-number.value-object';

/**
 * Another flow with the same address, channel type and integration type: Flex allows one Studio AND one Task flow per
 * number (see the README), not two of a kind. Addresses compare in E.164 when they are phone numbers.
 */
export function findConflictingFlexFlow(
  flows: readonly FlexFlow[],
  candidate: Pick<FlexFlow, 'contactIdentity' | 'channelType' | 'integrationType'>,
  exceptSid?: string,
): FlexFlow | undefined {
  const address = PhoneNumber.tryParse(candidate.contactIdentity)?.e164 ?? candidate.contactIdentity;
  return flows.find(
    (flow) =>
      flow.sid !== exceptSid &&
      flow.channelType === candidate.channelType &&
      flow.integrationType === candidate.integrationType &&
      (PhoneNumber.tryParse(flow.contactIdentity)?.e164 ?? flow.contactIdentity) === address,
  );
}
