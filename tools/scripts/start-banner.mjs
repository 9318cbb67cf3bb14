// What `npm start` prints once everything answers. No I/O here, so what it shows for each setup can be tested
// (apps/api/src/deployment/npm-start.spec.ts).

export const DEMO_API_KEY = 'demo-api-key-flex-outbound-sms';

/** The API's Twilio mode (`sandbox` or `twilio`) as its /health/ready answer tells it, ready or not; else undefined. */
export function twilioModeOf(readiness) {
  return readiness?.checks?.twilio?.mode ?? readiness?.error?.context?.checks?.twilio?.mode;
}

/**
 * The banner's lines. The mode is the API's own answer, not a guess from the environment, so any way of giving
 * credentials counts. Public demo values are shown in sandbox mode only; a configured key is named, never printed.
 */
export function startBanner({ env, adminPort, apiPort, sandboxPort, readiness, sandboxAccount }) {
  const sandbox = twilioModeOf(readiness) === 'sandbox';
  const bootstrapKeySet = Boolean(env.BOOTSTRAP_API_KEY?.trim());
  const lines = [
    '',
    'Flex Outbound SMS is running',
    `  Admin console   http://localhost:${adminPort}`,
    `  API             http://localhost:${apiPort}/api/v1   (Swagger: http://localhost:${apiPort}/docs)`,
    `  API key         ${sandbox && !bootstrapKeySet ? DEMO_API_KEY : 'the BOOTSTRAP_API_KEY you set'}   (Authorization: Bearer <key>)`,
  ];
  if (sandbox && sandboxAccount) {
    lines.push(
      `  Twilio          embedded sandbox at http://localhost:${sandboxPort} (account ${sandboxAccount.accountSid}, token ${sandboxAccount.authToken})`,
      `  Demo numbers    ${sandboxAccount.numbers.join(', ')}`,
    );
  }
  if (sandbox && !env.ADMIN_USERNAME?.trim()) lines.push('  Console login   admin / flex-sms-demo-admin   (sandbox demo admin)');
  if (!sandbox)
    lines.push(
      `  Twilio          ${twilioModeOf(readiness) === 'twilio' ? 'your account (TWILIO_* settings)' : 'unknown: the API did not say (see its log)'}`,
    );
  lines.push(`  Readiness       ${JSON.stringify(readiness)}`, '', 'Ctrl-C stops everything.', '');
  return lines;
}
