import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ChannelModule } from './channel/channel.module';
import { ConsentModule } from './consent/consent.module';
import { ConversationModule } from './conversation/conversation.module';
import { CleanupModule } from './cleanup/cleanup.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DeploymentModule } from './deployment/deployment.module';
import { SendersModule } from './senders/senders.module';
import { ContentTemplateModule } from './content-template/content-template.module';
import { DoctorModule } from './doctor/doctor.module';
import { FlexFlowModule } from './flex-flow/flex-flow.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './common/logging/logging.module';
import type { LogOutput } from './common/logging/app-logger';
import { MetricsModule } from './metrics/metrics.module';
import { EventsModule } from './events/events.module';
import { OutboundModule } from './outbound/outbound.module';
import { ProxyModule } from './proxy/proxy.module';
import { SandboxHandsetModule } from './sandbox-handset/sandbox-handset.module';
import { StoreModule } from './store/store.module';
import { TwilioModule } from './twilio/twilio.module';

/**
 * The API. The platform (config, logs, metrics, store, Twilio, auth) comes from `forRoot(config)`; feature modules
 * are listed in `imports` below.
 */
@Module({
  imports: [
    HealthModule,
    // Feature modules go here.
    OutboundModule,
    FlexFlowModule,
    ChannelModule,
    ConversationModule,
    ProxyModule,
    CleanupModule,
    DoctorModule,
    ConsentModule,
    DeliveryModule,
    ContentTemplateModule,
    SendersModule,
    CampaignsModule,
  ],
})
export class AppModule {
  /** `logOutput`: where the logs go instead of standard output as LOG_FORMAT says (tests). */
  static forRoot(config: AppConfig, logOutput?: LogOutput): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(logOutput),
        MetricsModule,
        EventsModule,
        StoreModule,
        TwilioModule,
        // Checks the database against the configuration before anything works on it.
        DeploymentModule,
        AuthModule,
        // Mounted on the embedded sandbox only, so it depends on the configuration.
        SandboxHandsetModule.forTwilio(config.twilio),
      ],
    };
  }
}
