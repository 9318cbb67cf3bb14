import type { FlexFlow } from '../ports/flex-flow.port';
import { PhoneNumber } from '../value-objects/phone-number.value-object';

/** The list filters of the Flex Flow screen. Flex's own list filters only by FriendlyName, so they apply here. */
export interface FlexFlowFilter {
  /** ContactIdentity, compared in E.164 when both read as phone numbers. */
  number?: string;
  integrationType?: string;
  channelType?: string;
  enabled?: boolean;
}

export function filterFlexFlows(flows: readonly FlexFlow[], filter: FlexFlowFilter): FlexFlow[] {
  const wanted = filter.number === undefined ? undefined : (PhoneNumber.tryParse(filter.number)?.e164 ?? filter.number);
  return flows.filter(
    (flow) =>
      (wanted === undefined || (PhoneNumber.tryParse(flow.contactIdentity)?.e164 ?? flow.contactIdentity) === wanted) &&
      (filter.integrationType === undefined || flow.integrationType === filter.integrationType) &&
      (filter.channelType === undefined || flow.channelType === filter.channelType) &&
      (filter.enabled === undefined || flow.enabled === filter.enabled),
  );
}
