import { Module } from '@nestjs/common';
import {
  DiagnoseNumber,
  TwilioRetrier,
  type AddressConfigurationPort,
  type ChatServicePort,
  type FlexFlowPort,
  type IncomingPhoneNumberPort,
  type OutboundSmsDependencies,
  type ProxyServicePort,
  type WorkspacePort,
} from '@flex-sms/domain';
import { OutboundModule } from '../outbound/outbound.module';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';
import { TwilioAccount } from '../twilio/twilio-account';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { DoctorController } from './doctor.http.controller';

/** `GET /api/v1/doctor?number=…`: the DiagnoseNumber use case over the account's ports. */
@Module({
  // The senders' modes come from the outbound flows' directory, so the doctor says what a send would do.
  imports: [OutboundModule],
  controllers: [DoctorController],
  providers: [
    {
      provide: DiagnoseNumber,
      useFactory: (
        phoneNumbers: IncomingPhoneNumberPort,
        flexFlows: FlexFlowPort,
        chatServices: ChatServicePort,
        workspaces: WorkspacePort,
        proxyService: ProxyServicePort,
        addressConfigurations: AddressConfigurationPort,
        retrier: TwilioRetrier,
        account: TwilioAccount,
        outbound: OutboundSmsDependencies,
      ) =>
        new DiagnoseNumber({
          phoneNumbers,
          flexFlows,
          chatServices,
          workspaces,
          proxyService,
          addressConfigurations,
          retrier,
          configuredChatServiceSid: account.chatServiceSid,
          senderMode: (number) => outbound.senderModes.explain(number),
        }),
      inject: [
        TWILIO_PORT.phoneNumbers,
        TWILIO_PORT.flexFlows,
        TWILIO_PORT.chatServices,
        TWILIO_PORT.workspaces,
        TWILIO_PORT.proxyService,
        TWILIO_PORT.addressConfigurations,
        TwilioRetrier,
        TwilioAccount,
        OUTBOUND_SMS_DEPENDENCIES,
      ],
    },
  ],
})
export class DoctorModule {}
