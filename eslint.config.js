'use strict';
// ESLint flat config: TypeScript tooling (scripts/, test/, bench/) with typescript-eslint; the LWCs
// (lwc-ts/ sources and their compiled JS in force-app) with @salesforce/eslint-config-lwc.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');

// LWC blocks: the recommended LWC rules on the TypeScript sources (typescript-eslint parser; the *Ts
// configs' babel parser gives false no-undef on types) and on the compiled JS the platform receives.
const LWC_TS = ['lwc-ts/**/*.ts'];
const LWC_TS_TESTS = ['lwc-ts/**/__tests__/**/*.ts', 'lwc-ts/jest.setup.ts'];
const LWC_JS = ['force-app/main/default/lwc/**/*.js'];
const scoped = (configs, files) => configs.map((c) => ({ ...c, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      '.sfdx/**',
      '.sf/**',
      '**/__fixtures__/**',
      'test/fixtures/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'] })),
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  ...scoped(lwcConfig.configs.recommended, LWC_JS),
  ...scoped(lwcConfig.configs.recommended, LWC_TS),
  ...scoped(tseslint.configs.recommended, LWC_TS),
  {
    files: LWC_TS,
    languageOptions: { parser: tseslint.parser, sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-undef': 'off' }
  },
  {
    files: LWC_TS_TESTS,
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Tests wait for re-renders, look for the copy fallback's textarea, and feed hostile URLs on purpose.
      '@lwc/lwc/no-async-operation': 'off',
      '@lwc/lwc/no-document-query': 'off',
      'no-script-url': 'off'
    }
  },
  {
    files: ['*.js', 'bin/**/*.js', '.ci/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
