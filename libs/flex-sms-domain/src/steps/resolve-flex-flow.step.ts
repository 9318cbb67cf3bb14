import type { FlexFlow, FlexFlowIntegrationType } from '../ports/flex-flow.port';
import type { PhoneNumber } from '../value-objects/phone-number.value-object';
import type { OutboundSmsDependencies } from '../outbound/outbound-dependencies';
import type { StepRecorder } from '../outbound/step-recorder';

/** Finds the Twilio number's `sms` Flex Flow of the integration type (cached: no Twilio request when warm). */
export function resolveFlexFlow(
  deps: Pick<OutboundSmsDependencies, 'flexFlowDirectory'>,
  steps: StepRecorder,
  fromNumber: PhoneNumber,
  integrationType: FlexFlowIntegrationType,
): Promise<FlexFlow> {
  return steps.run('flex-flow', async () => {
    const flexFlow = await deps.flexFlowDirectory.find(fromNumber, integrationType);
    const sids: Record<string, string> = { flexFlowSid: flexFlow.sid, chatServiceSid: flexFlow.chatServiceSid };
    if (flexFlow.integration.workspaceSid) sids.workspaceSid = flexFlow.integration.workspaceSid;
    return { value: flexFlow, outcome: 'resolved', sids, data: { enabled: flexFlow.enabled, integrationType } };
  });
}
