import type { AddressConfiguration, AddressConfigurationPort } from '@flex-sms/domain';
import type twilio from 'twilio';
import { callTwilio } from '../errors/twilio-error.mapper';

/** The SDK passes `auto_creation` through as Twilio sends it (snake_case keys). */
interface AutoCreation {
  enabled?: boolean;
  type?: string;
  studio_flow_sid?: string | null;
}

/** Conversations v1 Address Configurations (read by the set-up doctor). */
export class TwilioAddressConfigurationAdapter implements AddressConfigurationPort {
  constructor(private readonly client: twilio.Twilio) {}

  async findSmsAddressConfiguration(address: string): Promise<AddressConfiguration | null> {
    // Conversations has no filter by address; an account holds one configuration per number and channel.
    const configurations = await callTwilio({ resource: 'Address Configurations' }, () =>
      this.client.conversations.v1.addressConfigurations.list({ type: 'sms', pageSize: 1000 }),
    );
    const found = configurations.find((configuration) => configuration.address === address);
    return found ? toAddressConfiguration(found) : null;
  }

  async listAddressConfigurations(): Promise<AddressConfiguration[]> {
    const configurations = await callTwilio({ resource: 'Address Configurations' }, () =>
      this.client.conversations.v1.addressConfigurations.list({ pageSize: 1000 }),
    );
    return configurations.map(toAddressConfiguration);
  }
}

function toAddressConfiguration(found: { sid: string; type: string; address: string; autoCreation?: unknown }): AddressConfiguration {
  const autoCreation = (found.autoCreation ?? {}) as AutoCreation;
  return {
    sid: found.sid,
    type: found.type,
    address: found.address,
    autoCreationEnabled: autoCreation.enabled === true,
    autoCreationType: autoCreation.type ?? null,
    studioFlowSid: autoCreation.studio_flow_sid ?? null,
  };
}
