import type { StudioFlow, StudioFlowPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilioOrNull } from '../errors/twilio-error.mapper';

/** Studio v2 Flows, read to check a Flex Flow's Integration.FlowSid before Flex is asked. */
export class TwilioStudioFlowAdapter implements StudioFlowPort {
  constructor(private readonly client: twilio.Twilio) {}

  async fetchStudioFlow(sid: string): Promise<StudioFlow | null> {
    const flow = await callTwilioOrNull({ resource: 'Studio Flow', sid }, () => this.client.studio.v2.flows(sid).fetch());
    return flow ? { sid: flow.sid, friendlyName: flow.friendlyName } : null;
  }
}
