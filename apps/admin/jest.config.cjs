// Unit tests for the console's pure modules (the API client, the proxy's header and path rules). Browser behaviour
// is covered by the Playwright tests in e2e/, which jest ignores through the preset.
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: '@flex-sms/admin',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  // The console's server scripts (scripts/*.mjs) are plain ES modules that Node runs as they are; specs import them.
  transform: { ...preset.transform, '^.+\\.mjs$': preset.transform['^.+\\.(t|j)sx?$'] },
  moduleFileExtensions: [...preset.moduleFileExtensions, 'mjs'],
};
