import { Module } from '@nestjs/common';
import {
  ControlCampaign,
  CreateCampaign,
  DispatchCampaignRecipients,
  SendSystemSms,
  systemClock,
  type CampaignStore,
  type ConsentRegisterPort,
  type LiveConversationPort,
  type OutboundSmsDependencies,
} from '@flex-sms/domain';
import { AppConfig } from '../config/app-config';
import { CONSENT_REGISTER } from '../consent/consent.tokens';
import { ConsentRegisterModule } from '../consent/consent-register.module';
import { OutboundModule } from '../outbound/outbound.module';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';
import { DATABASE, type Database } from '../store/database';
import { CampaignQuery } from './campaign.query';
import { CampaignRunner } from './campaign-runner';
import { CampaignsController } from './campaigns.http.controller';
import { CAMPAIGN_OPTIONS, CAMPAIGN_STORE, campaignOptionsFor, type CampaignOptions } from './campaigns.tokens';
import { JournalLiveConversations } from './journal-live-conversations';
import { SqlCampaignStore } from './sql-campaign-store';

const LIVE_CONVERSATIONS = Symbol('LIVE_CONVERSATIONS');
const clockOf = (options: CampaignOptions) => options.clock ?? systemClock;

/**
 * Campaigns over the journal's fire-and-forget send (SendSystemSms). The consent register (CONSENT_REGISTER) comes
 * from the consent register module (the SQL register every send asks too).
 */
@Module({
  imports: [OutboundModule, ConsentRegisterModule],
  controllers: [CampaignsController],
  providers: [
    { provide: CAMPAIGN_OPTIONS, useFactory: campaignOptionsFor, inject: [AppConfig] },
    { provide: CAMPAIGN_STORE, useClass: SqlCampaignStore },
    {
      provide: LIVE_CONVERSATIONS,
      useFactory: (db: Database, deps: OutboundSmsDependencies) => new JournalLiveConversations(db, deps.tasks),
      inject: [DATABASE, OUTBOUND_SMS_DEPENDENCIES],
    },
    {
      provide: CreateCampaign,
      useFactory: (
        store: CampaignStore,
        liveConversations: LiveConversationPort,
        options: CampaignOptions,
        consent: ConsentRegisterPort,
        outbound: OutboundSmsDependencies,
      ) =>
        new CreateCampaign({
          store,
          liveConversations,
          clock: clockOf(options),
          consent,
          contentTemplates: outbound.contentTemplates,
          outboundMode: outbound.outboundMode,
        }),
      inject: [CAMPAIGN_STORE, LIVE_CONVERSATIONS, CAMPAIGN_OPTIONS, CONSENT_REGISTER, OUTBOUND_SMS_DEPENDENCIES],
    },
    {
      provide: ControlCampaign,
      useFactory: (store: CampaignStore, options: CampaignOptions) => new ControlCampaign({ store, clock: clockOf(options) }),
      inject: [CAMPAIGN_STORE, CAMPAIGN_OPTIONS],
    },
    {
      provide: DispatchCampaignRecipients,
      useFactory: (store: CampaignStore, send: SendSystemSms, options: CampaignOptions) =>
        new DispatchCampaignRecipients({ store, sendSystemSms: (command) => send.execute(command), clock: clockOf(options) }),
      inject: [CAMPAIGN_STORE, SendSystemSms, CAMPAIGN_OPTIONS],
    },
    CampaignQuery,
    CampaignRunner,
  ],
})
export class CampaignsModule {}
