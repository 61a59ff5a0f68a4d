'use strict';
// Two jest projects: the LWCs (sfdx-lwc-jest) and the Node tooling in scripts/ (SWC strips the types).
const scripts = {
  displayName: 'scripts',
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }
    ]
  },
  moduleFileExtensions: ['ts', 'js', 'json']
};

// The TypeScript LWCs: sfdx-lwc-jest's config (its transformer strips the types; its resolver serves the
// lightning/* stubs; @salesforce/apex and @salesforce/label imports fall back to mocks). `c/<name>` maps
// to the lwc-ts sources, so the tests run and measure coverage on what we write, not on the compiled copy.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');
const lwc = {
  ...lwcJestConfig,
  displayName: 'lwc',
  rootDir: __dirname,
  roots: ['<rootDir>/lwc-ts'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  moduleNameMapper: { '^c/(.+)$': '<rootDir>/lwc-ts/$1/$1' },
  setupFilesAfterEnv: [...(lwcJestConfig.setupFilesAfterEnv || []), '<rootDir>/lwc-ts/jest.setup.ts']
};

module.exports = {
  // Org tests start an emulator and the CLI as child processes; on a loaded 2-core machine 5 s is not enough.
  testTimeout: 60000,
  projects: [scripts, lwc],
  collectCoverageFrom: ['scripts/**/*.ts', 'lwc-ts/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov']
};
