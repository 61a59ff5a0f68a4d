// Test-only shims: sfdx-lwc-jest ships no type declarations, @sa11y/jest's matcher typing is
// pulled in from its package.

/// <reference types="@sa11y/jest" />

declare module '@salesforce/sfdx-lwc-jest' {
  export interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
  }
  export function createApexTestWireAdapter(
    fn?: (...args: unknown[]) => unknown
  ): TestWireAdapter & ((...args: unknown[]) => unknown);
}
