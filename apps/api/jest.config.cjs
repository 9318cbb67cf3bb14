const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  // Every suite boots real HTTP servers (the app, the Twilio sandbox): allow more than jest's default 5 s.
  testTimeout: 30_000,
};
