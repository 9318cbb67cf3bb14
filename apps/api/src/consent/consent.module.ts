import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { ConsentListeners } from './consent-listeners';
import { ConsentRegisterModule } from './consent-register.module';
import { ConsentController } from './consent.http.controller';
import { ConsentService } from './consent.service';

/** The consent register: its admin routes, and its listeners on inbound messages and delivery outcomes. */
@Module({
  imports: [ConsentRegisterModule, JournalModule],
  controllers: [ConsentController],
  providers: [ConsentService, ConsentListeners],
})
export class ConsentModule {}
