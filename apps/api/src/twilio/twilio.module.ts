import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { TwilioRequestMetrics } from '../metrics/twilio-request-metrics';
import { TWILIO_CLIENT, TwilioAccount } from './twilio-account';
import { TwilioConnection, connectTwilio } from './twilio-connection';

const TWILIO_CONNECTION = Symbol('TWILIO_CONNECTION');

@Injectable()
class EmbeddedSandboxCloser implements OnApplicationShutdown {
  constructor(@Inject(TWILIO_CONNECTION) private readonly connection: TwilioConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.sandbox?.close();
  }
}

/** Provides the Twilio SDK client (TWILIO_CLIENT) and the TwilioAccount to every module (global). */
@Global()
@Module({
  providers: [
    {
      provide: TWILIO_CONNECTION,
      useFactory: (config: AppConfig, observer: TwilioRequestMetrics) =>
        connectTwilio(config.twilio, { timeoutMs: config.twilioRequestTimeoutMs, observer }),
      inject: [AppConfig, TwilioRequestMetrics],
    },
    { provide: TWILIO_CLIENT, useFactory: (connection: TwilioConnection) => connection.client, inject: [TWILIO_CONNECTION] },
    { provide: TwilioAccount, useFactory: (connection: TwilioConnection) => connection.account, inject: [TWILIO_CONNECTION] },
    EmbeddedSandboxCloser,
  ],
  exports: [TWILIO_CLIENT, TwilioAccount],
})
export class TwilioModule {}
