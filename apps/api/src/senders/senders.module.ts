import { Module } from '@nestjs/common';
import { ListSenders, SenderModeDirectory } from '@flex-sms/domain';
import { OutboundModule } from '../outbound/outbound.module';
import { SendersController } from './senders.http.controller';

/** `GET /api/v1/senders` and `/senders/{from}/window`: the outbound flows' own sender directory and window reading. */
@Module({
  imports: [OutboundModule],
  controllers: [SendersController],
  providers: [
    { provide: ListSenders, useFactory: (senderModes: SenderModeDirectory) => new ListSenders(senderModes), inject: [SenderModeDirectory] },
  ],
})
export class SendersModule {}
