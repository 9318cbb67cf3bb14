// Shared jest settings. SWC transpiles TypeScript; Nest needs decorator metadata, so all three decorator
// flags must be on or injection silently fails (TOOLCHAIN.md pitfall 8). Type errors are caught by the
// separate `typecheck` targets, not here.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@flex-sms/domain$': path.join(root, 'libs/flex-sms-domain/src/index.ts'),
    '^@flex-sms/domain/testing$': path.join(root, 'libs/flex-sms-domain/src/testing/index.ts'),
    '^@flex-sms/twilio-adapter$': path.join(root, 'libs/twilio-adapter/src/index.ts'),
    '^@flex-sms/twilio-sandbox$': path.join(root, 'libs/twilio-sandbox/src/index.ts'),
  },
  reporters: ['default', path.join(root, 'tools/jest/summary-reporter.cjs')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/e2e/'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
