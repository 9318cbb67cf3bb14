import { Global, Inject, Injectable, Module, OnApplicationShutdown, type Provider } from '@nestjs/common';
import {
  DEFAULT_RETRY_POLICY,
  FlexFlowDirectory,
  TwilioRetrier,
  mathRandom,
  systemClock,
  type FlexFlowPort,
  type RetryPolicy,
  type TwilioPorts,
} from '@flex-sms/domain';
import { createTwilioPorts } from '@flex-sms/twilio-adapter';
import { AppConfig } from '../config/app-config';
import { TwilioRequestMetrics } from '../metrics/twilio-request-metrics';
import { RetryMetrics } from '../metrics/retry-metrics';
import { TwilioAccount, type TwilioClient } from './twilio-account';
import { TwilioConnection, connectTwilio } from './twilio-connection';
import { TWILIO_CLIENT, TWILIO_PORT, TWILIO_RETRY_POLICY } from './twilio.tokens';

const TWILIO_CONNECTION = Symbol('TWILIO_CONNECTION');
/** Every port at once: kept inside this module, so a class outside can only ask for the port it uses. */
const TWILIO_PORTS = Symbol('TWILIO_PORTS');

@Injectable()
class EmbeddedSandboxCloser implements OnApplicationShutdown {
  constructor(@Inject(TWILIO_CONNECTION) private readonly connection: TwilioConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.sandbox?.close();
  }
}

const portProviders: Provider[] = (Object.keys(TWILIO_PORT) as (keyof TwilioPorts)[]).map((name) => ({
  provide: TWILIO_PORT[name],
  useFactory: (ports: TwilioPorts) => ports[name],
  inject: [TWILIO_PORTS],
}));

/**
 * The API's one Twilio gateway (global): the account, its ports (TWILIO_PORT, from one `createTwilioPorts`), the
 * retrier every request's Twilio calls go through, and the account's Flex Flows cached (FlexFlowDirectory), one cache
 * for the outbound flows and the Flex Flow routes, which empty it after a change.
 */
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
    {
      provide: TWILIO_PORTS,
      useFactory: (client: TwilioClient, { accountSid, proxyServiceSid, chatServiceSid }: TwilioAccount) =>
        createTwilioPorts(client, { accountSid, proxyServiceSid, chatServiceSid }),
      inject: [TWILIO_CLIENT, TwilioAccount],
    },
    ...portProviders,
    { provide: TWILIO_RETRY_POLICY, useValue: DEFAULT_RETRY_POLICY },
    {
      provide: TwilioRetrier,
      useFactory: (policy: RetryPolicy, retries: RetryMetrics) => new TwilioRetrier(systemClock, mathRandom, policy, retries),
      inject: [TWILIO_RETRY_POLICY, RetryMetrics],
    },
    {
      provide: FlexFlowDirectory,
      useFactory: (flexFlows: FlexFlowPort, retrier: TwilioRetrier) => new FlexFlowDirectory(flexFlows, systemClock, retrier),
      inject: [TWILIO_PORT.flexFlows, TwilioRetrier],
    },
    EmbeddedSandboxCloser,
  ],
  exports: [TWILIO_CLIENT, TwilioAccount, ...Object.values(TWILIO_PORT), TwilioRetrier, FlexFlowDirectory],
})
export class TwilioModule {}
