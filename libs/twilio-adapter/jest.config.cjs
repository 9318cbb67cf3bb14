const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, rootDir: __dirname, roots: ['<rootDir>/src'] };
