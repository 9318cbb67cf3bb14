const preset = require('../../jest.preset.cjs');

const [swcTransform] = Object.values(preset.transform);

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  // Every suite boots real HTTP servers (the app, the Twilio sandbox) and an embedded PostgreSQL (PGlite, WASM):
  // allow more than jest's default 5 s.
  testTimeout: 30_000,
  transform: {
    ...preset.transform,
    // PGlite's CommonJS build loads Node built-ins with dynamic import(), which jest's CommonJS sandbox refuses
    // without --experimental-vm-modules. SWC turns those import() calls into require() for this one package.
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$': swcTransform,
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
};
