/**
 * One validate run reads handoff.config.json and handoff.build.json once each (they were read 6 and 4
 * times): integration, settings, identity, limits and freshness share the run's ConfigAndManifest.
 * Per run, not per process: jest runs many validates in one process, and a build between two runs
 * rewrites both files, which the next run must see.
 */
jest.mock('node:fs', () => {
  const real = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...real, readFileSync: jest.fn(real.readFileSync), openSync: jest.fn(real.openSync) };
});
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';
import { makeExample, tempDir } from './example';

let dir: string;
beforeAll(() => {
  dir = makeExample(tempDir('hk-config-reads-'), { config: true });
  build(path.join(dir, 'handoff.config.json'), path.join(dir, 'force-app/generated'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const mustNotRegenerate = () => {
  throw new Error('regenerated although the manifest holds');
};

/** How often each file was opened since the last clear, by any fs call a reader uses. */
function opened(): { config: number; manifest: number } {
  const calls = [fs.readFileSync, fs.openSync].flatMap((f) => (f as unknown as jest.Mock).mock.calls);
  const count = (name: string) => calls.filter(([p]) => typeof p === 'string' && path.basename(p) === name).length;
  return { config: count('handoff.config.json'), manifest: count('handoff.build.json') };
}
const clear = () => [fs.readFileSync, fs.openSync].forEach((f) => (f as unknown as jest.Mock).mockClear());

test('a run reads the config and the build manifest once each, with every rule', async () => {
  clear();
  const result = await validate({ root: dir, checkDrift: mustNotRegenerate });
  expect(result.findings).toEqual([]);
  expect(opened()).toEqual({ config: 1, manifest: 1 });
});

test('the next run reads them again: a config changed and built in between is current', async () => {
  const config = path.join(dir, 'handoff.config.json');
  const before = fs.readFileSync(config, 'utf8');
  const after = before.replace('"label": "Plan"', '"label": "Plan tier"');
  expect(after).not.toBe(before);
  fs.writeFileSync(config, after);
  build(config, path.join(dir, 'force-app/generated'));
  clear();
  // With the first run's config or manifest kept, the hashes would differ and this would regenerate.
  expect((await validate({ root: dir, checkDrift: mustNotRegenerate })).findings).toEqual([]);
  expect(opened()).toEqual({ config: 1, manifest: 1 });
});
