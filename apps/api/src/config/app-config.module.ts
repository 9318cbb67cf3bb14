import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';

/**
 * Makes the validated AppConfig injectable everywhere (and, for code that prefers it, readable through
 * @nestjs/config's ConfigService: `config.get('twilio.proxyServiceSid', { infer: true })`). The environment is read
 * and validated before Nest starts (loadAppConfig), so a bad variable stops the process with a clear message
 * instead of a half-built application; no .env file is read: the environment is the only source.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => ({ ...config })],
        }),
      ],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig, ConfigModule],
    };
  }
}
