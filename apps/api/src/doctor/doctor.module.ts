import { Module } from '@nestjs/common';
import {
  DiagnoseNumber,
  TwilioRetrier,
  outboundModeOf,
  type AddressConfigurationPort,
  type ChatServicePort,
  type FlexFlowPort,
  type IncomingPhoneNumberPort,
  type ProxyServicePort,
  type WorkspacePort,
} from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { TwilioAccount } from '../twilio/twilio-account';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { DoctorController } from './doctor.http.controller';

/** `GET /api/v1/doctor?number=…`: the DiagnoseNumber use case over the account's ports. */
@Module({
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
        config: AppConfig,
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
          outboundMode: (number) => outboundModeOf(config.outboundModes, number),
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
        AppConfig,
      ],
    },
  ],
})
export class DoctorModule {}
