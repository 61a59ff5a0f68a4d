'use strict';
// Two jest projects: the LWCs (sfdx-lwc-jest) and the Node tooling in scripts/ (SWC strips the types).
const scripts = {
  displayName: 'scripts',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }]
  },
  moduleFileExtensions: ['ts', 'js', 'json']
};

module.exports = {
  projects: [scripts],
  collectCoverageFrom: ['scripts/**/*.ts', 'lwc-ts/**/*.ts', '!**/__tests__/**', '!**/*.d.ts'],
  coverageReporters: ['text-summary', 'lcov']
};
