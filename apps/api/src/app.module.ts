import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { HealthModule } from './health/health.module';
import { StoreModule } from './store/store.module';
import { TwilioModule } from './twilio/twilio.module';

/**
 * The API. The platform (config, store, Twilio, auth) comes from `forRoot(config)`; feature modules are listed in
 * `imports` below.
 */
@Module({
  imports: [
    HealthModule,
    // Feature modules go here.
  ],
})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [AppConfigModule.forRoot(config), StoreModule, TwilioModule, AuthModule],
    };
  }
}
