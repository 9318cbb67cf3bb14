import { Logger } from '@nestjs/common';
import { createTwilioClient, type TwilioRequestObserver } from '@flex-sms/twilio-adapter';
import type { RunningSandbox } from '@flex-sms/twilio-sandbox';
import { TwilioSettings } from '../config/app-config';
import { TwilioAccount, TwilioClient } from './twilio-account';

export interface TwilioConnection {
  account: TwilioAccount;
  client: TwilioClient;
  /** Set when this process started the embedded sandbox: closed on shutdown. */
  sandbox?: RunningSandbox;
}

const logger = new Logger('Twilio');

/** How the client sends: its request timeout, and who is told of every request (metrics). */
export interface TwilioClientSettings {
  timeoutMs?: number;
  observer?: TwilioRequestObserver;
}

/** Connects to the configured account, or starts the embedded sandbox and uses its demo account. */
export async function connectTwilio(settings: TwilioSettings, client: TwilioClientSettings = {}): Promise<TwilioConnection> {
  if (settings.mode === 'sandbox') return startEmbeddedSandbox(settings, client);
  const { accountSid, credentials, proxyServiceSid, chatServiceSid, baseUrl } = settings;
  const twilioClient = createTwilioClient({
    accountSid,
    baseUrl,
    ...client,
    ...(credentials.kind === 'apiKey'
      ? { apiKeySid: credentials.apiKeySid, authToken: credentials.apiKeySecret }
      : { authToken: credentials.authToken }),
  });
  logger.log(
    `Account ${accountSid} at ${baseUrl ?? 'Twilio'} (${credentials.kind === 'apiKey' ? `API key ${credentials.apiKeySid}` : 'auth token'})`,
  );
  return { account: { mode: 'twilio', accountSid, proxyServiceSid, chatServiceSid, baseUrl }, client: twilioClient };
}

async function startEmbeddedSandbox(settings: Extract<TwilioSettings, { mode: 'sandbox' }>, client: TwilioClientSettings): Promise<TwilioConnection> {
  // Loaded only in sandbox mode: an API on a real account never loads the sandbox.
  const { startSandbox } = await import('@flex-sms/twilio-sandbox');
  const sandbox = await startSandbox({ port: settings.sandboxPort, dataDir: settings.sandboxDataDir });
  const { accountSid, authToken, proxyServiceSid, chatServiceSid } = sandbox.account;
  const kept = settings.sandboxDataDir === 'memory://' ? 'state in memory' : `state in ${settings.sandboxDataDir}`;
  logger.log(`No Twilio credentials configured: embedded sandbox started at ${sandbox.url} (demo account ${accountSid}, ${kept})`);
  return {
    account: { mode: 'sandbox', accountSid, proxyServiceSid, chatServiceSid, baseUrl: sandbox.url, sandboxUrl: sandbox.url },
    client: createTwilioClient({ accountSid, authToken, baseUrl: sandbox.url, ...client }),
    sandbox,
  };
}
