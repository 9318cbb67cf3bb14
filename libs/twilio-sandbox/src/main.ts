import { startSandbox } from './server/start-sandbox';

/**
 * Runs the sandbox on its own: `SANDBOX_PORT` (default 3100, 0 = any free port), `SANDBOX_HOST` (127.0.0.1),
 * `SANDBOX_DATA_DIR` (a folder to keep the account's state in across restarts; unset = in memory),
 * `SANDBOX_DELIVERY_STEP_MS` (milliseconds between an SMS's delivery steps, default 100).
 */
async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? 3100);
  const dataDir = process.env.SANDBOX_DATA_DIR?.trim() || undefined;
  const stepMs = process.env.SANDBOX_DELIVERY_STEP_MS?.trim();
  const deliveryStepMs = stepMs ? Number(stepMs) : undefined;
  if (deliveryStepMs !== undefined && !(Number.isInteger(deliveryStepMs) && deliveryStepMs >= 0))
    throw new Error('SANDBOX_DELIVERY_STEP_MS must be a whole number of milliseconds');
  const sandbox = await startSandbox({ port, host: process.env.SANDBOX_HOST ?? '127.0.0.1', dataDir, deliveryStepMs });
  console.log(`Twilio sandbox listening on ${sandbox.url}${dataDir ? `, state kept in ${dataDir}` : ''}`);
  console.log(`Demo account: ${JSON.stringify(sandbox.account, null, 2)}`);
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing the Twilio sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
