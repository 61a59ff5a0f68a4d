'use strict';
// ESLint flat config: TypeScript tooling (scripts/, test/, bench/) with typescript-eslint; the LWCs
// (lwc-ts/ sources and their compiled JS in force-app) with @salesforce/eslint-config-lwc.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');

module.exports = [
  {
    ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.sfdx/**', '.sf/**', '**/__fixtures__/**', 'test/fixtures/**']
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
  {
    files: ['*.js', 'bin/**/*.js', '.ci/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
