// Lint for the whole workspace. The module-boundary rule turns the architecture into an error:
// the domain depends on nothing of Nest, Next, HTTP, Twilio or the sandbox; apps depend on libs, never the reverse.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  {
    // schema.d.ts: generated from the API's OpenAPI document (tools/scripts/generate-api-types.mjs).
    ignores: [
      '**/dist/**',
      '**/.next/**',
      '**/node_modules/**',
      '**/next-env.d.ts',
      '**/*.cjs',
      '**/test-results/**',
      'apps/admin/src/lib/api/schema.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:domain', 'type:adapter'] },
            { sourceTag: 'type:sandbox', onlyDependOnLibsWithTags: ['type:sandbox'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:adapter', 'type:sandbox'] },
          ],
          banTransitiveDependencies: false,
        },
      ],
    },
  },
  {
    // Test-only crossings: the sandbox's tests drive it through the official SDK built by the adapter's client factory,
    // and the adapter's tests run against the sandbox. Allowed in test files, nowhere else.
    files: [
      'libs/twilio-sandbox/src/**/*.spec.ts',
      'libs/twilio-sandbox/src/testing/**/*.ts',
      'libs/twilio-sandbox/src/contract/**/*.ts',
      // Likewise the adapter's integration tests run against the real sandbox over HTTP.
      'libs/twilio-adapter/src/**/*.spec.ts',
      'libs/twilio-adapter/src/**/*.test-helpers.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The domain is plain TypeScript: no framework, no HTTP, no SDK.
    files: ['libs/flex-sms-domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'next', 'next/*', 'react', 'express', 'twilio', 'twilio/*', 'node:http', 'http', 'pg', '@electric-sql/*'],
              message: 'The domain stays free of frameworks, HTTP and SDKs: add a port instead.',
            },
          ],
        },
      ],
    },
  },
];
