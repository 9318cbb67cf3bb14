import { ConfigValidationError, Environment, loadAppConfig } from './load-app-config';

/** The problems loadAppConfig names for `env`, by variable; fails the test when the configuration is accepted. */
export function problemsOf(env: Environment): Record<string, string> {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
  }
  throw new Error('expected the configuration to be rejected');
}
