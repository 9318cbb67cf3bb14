import { Module } from '@nestjs/common';
import type { TwilioAccountPorts } from '@flex-sms/domain';
import { createTwilioAccountPorts } from '@flex-sms/twilio-adapter';
import { TWILIO_CLIENT, TwilioAccount, TwilioClient } from './twilio-account';

/** The Twilio ports of the set-up and housekeeping use cases (TwilioAccountPorts), over the API's one SDK client. */
export const TWILIO_ACCOUNT_PORTS = Symbol('TWILIO_ACCOUNT_PORTS');

/** Shared by Flex Flow management, clean-up and the doctor. */
@Module({
  providers: [
    {
      provide: TWILIO_ACCOUNT_PORTS,
      useFactory: (client: TwilioClient, account: TwilioAccount): TwilioAccountPorts =>
        createTwilioAccountPorts(client, { accountSid: account.accountSid, proxyServiceSid: account.proxyServiceSid }),
      inject: [TWILIO_CLIENT, TwilioAccount],
    },
  ],
  exports: [TWILIO_ACCOUNT_PORTS],
})
export class AccountPortsModule {}
