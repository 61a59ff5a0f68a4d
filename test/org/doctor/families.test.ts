/** The check families as a registry: each has its test, none fails a complete org, ids are unique. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECK_FAMILIES, runChecks } from '../../../scripts/org/doctor/checks/index';
import { exampleModel, healthySnapshot } from './snapshot';

const m = exampleModel();

it('gives every family its own module and unit test', () => {
  for (const f of CHECK_FAMILIES) {
    expect(fs.existsSync(path.resolve(__dirname, `../../../scripts/org/doctor/checks/${f.name}.ts`))).toBe(true);
    expect(fs.existsSync(path.join(__dirname, 'checks', `${f.name}.test.ts`))).toBe(true);
  }
});

it('passes every check of every family on a complete org', () => {
  const checks = runChecks(m, healthySnapshot(m));
  expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
  expect(checks.length).toBeGreaterThan(CHECK_FAMILIES.length);
});

it('gives each check one id', () => {
  const ids = runChecks(m, healthySnapshot(m)).map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
});
