/** The check families as a registry: each has its test, none fails a complete org, ids are unique and documented. */
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

it('documents every check id in the table of docs/org-operations.md', () => {
  const healthy = healthySnapshot(m);
  const empty = {
    ...healthy,
    channel: { exists: false, customParameters: [], standardParameters: [] },
    deployment: { exists: false, forms: [], published: { unavailable: 'the deployment is missing' } }
  };
  const queues = new Set(m.queues.map((q) => `agents.queue.${q.developerName}`));
  const ids = new Set(
    [...runChecks(m, healthy), ...runChecks(m, empty)].map((c) => (queues.has(c.id) ? 'agents.queue.<Queue>' : c.id))
  );
  const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/org-operations.md'), 'utf8');
  const table = doc.slice(doc.indexOf('### handoff doctor'), doc.indexOf('### handoff smoke'));
  expect([...ids].filter((id) => !table.includes(`\`${id}\``))).toEqual([]);
});
