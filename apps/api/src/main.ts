import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { AppConfig, DEMO_API_KEY } from './config/app-config';
import { ConfigValidationError, loadAppConfig } from './config/load-app-config';
import { createApp } from './create-app';
import { DeliveryCallbacks } from './delivery/delivery-callbacks';
import { DeploymentRefusedError } from './deployment/deployment-gate';
import { TwilioAccount } from './twilio/twilio-account';
import { API_PREFIX } from './routes';
import { DOCS_PATH } from './swagger';

const logger = new Logger('Main');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  app.enableShutdownHooks(); // SIGTERM/SIGINT close the database and the embedded sandbox
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  printBanner(port, config, app.get(TwilioAccount));
  // Once listening: in sandbox mode the callback URLs are the API's own address. A failure is logged, not fatal
  // (reconciliation settles sends without callbacks, and the doctor registers again).
  await app.get(DeliveryCallbacks).register();
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadAppConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    logger.error(error.message);
    process.exit(1);
  }
}

function printBanner(port: number, config: AppConfig, account: TwilioAccount): void {
  const base = `http://localhost:${port}`;
  const lines = [`Flex Outbound SMS API listening on ${base}`, `  API       ${base}/${API_PREFIX}`, `  Docs      ${base}/${DOCS_PATH}`];
  if (account.mode === 'sandbox') {
    lines.push(`  Twilio    embedded sandbox at ${account.sandboxUrl} (demo account ${account.accountSid})`);
  } else {
    lines.push(`  Twilio    account ${account.accountSid}${account.baseUrl ? ` at ${account.baseUrl}` : ''}`);
  }
  // The demo key and the demo admin are public by design (sandbox only); configured secrets are never printed.
  lines.push(
    config.bootstrapApiKey === DEMO_API_KEY
      ? `  API key   ${DEMO_API_KEY}   (Authorization: Bearer <key>)`
      : '  API key   BOOTSTRAP_API_KEY   (Authorization: Bearer <key>)',
  );
  const admin = config.auth.initialAdmin;
  if (admin?.demo) lines.push(`  Console   sign in as ${admin.username} / ${admin.password}   (sandbox demo admin)`);
  for (const line of lines) logger.log(line);
}

main().catch((error: unknown) => {
  // A refusal is the configuration's fault and says how to fix it: no stack trace to hide it in.
  if (error instanceof DeploymentRefusedError) {
    logger.error(error.message);
    process.exit(1);
  }
  logger.error(
    `The API could not start: ${error instanceof Error ? error.message : String(error)}`,
    error instanceof Error ? error.stack : undefined,
  );
  process.exit(1);
});
