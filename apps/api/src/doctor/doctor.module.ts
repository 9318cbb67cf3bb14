import { Module } from '@nestjs/common';
import { DiagnoseNumber, type OutboundSmsDependencies, type TwilioAccountPorts } from '@flex-sms/domain';
import { AccountPortsModule, TWILIO_ACCOUNT_PORTS } from '../twilio/account-ports.module';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';
import { TwilioAccount } from '../twilio/twilio-account';
import { DoctorController } from './doctor.http.controller';

/** `GET /api/v1/doctor?number=…`: the DiagnoseNumber use case over the account's ports. */
@Module({
  imports: [AccountPortsModule, OutboundSmsCoreModule],
  controllers: [DoctorController],
  providers: [
    {
      provide: DiagnoseNumber,
      useFactory: (ports: TwilioAccountPorts, outbound: OutboundSmsDependencies, account: TwilioAccount) =>
        new DiagnoseNumber({ ...ports, retrier: outbound.retrier, configuredChatServiceSid: account.chatServiceSid, senderMode: (number) => outbound.senderModes.explain(number) }),
      inject: [TWILIO_ACCOUNT_PORTS, OUTBOUND_SMS_DEPENDENCIES, TwilioAccount],
    },
  ],
})
export class DoctorModule {}
