import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, checkDrift } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';
import { makeExample, tempDir } from './example';

describe('freshness/build-current with the build manifest (handoff.build.json)', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeExample(tempDir('hk-build-manifest-'), { config: true });
    build(path.join(dir, 'handoff.config.json'), path.join(dir, 'force-app/generated'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (drift = checkDrift) => validate({ root: dir, only: ['freshness/build-current'], checkDrift: drift });
  const mustNotRegenerate = () => {
    throw new Error('regenerated although the manifest holds');
  };

  test('an untouched build is current without regenerating', async () => {
    expect(fs.existsSync(path.join(dir, 'handoff.build.json'))).toBe(true);
    expect((await run(mustNotRegenerate)).findings).toEqual([]);
  });

  test('a hand edit no longer matches the manifest: regenerated, and reported', async () => {
    const file = 'force-app/generated/queues/Handoff_General.queue-meta.xml';
    const abs = path.join(dir, file);
    const before = fs.readFileSync(abs, 'utf8');
    fs.writeFileSync(abs, before.replace('</Queue>', '<!-- edited --></Queue>'));
    try {
      expect((await run()).findings.map((f) => f.file)).toEqual([file]);
    } finally {
      fs.writeFileSync(abs, before);
    }
  });

  test('a config changed since the build is regenerated and compared', async () => {
    const config = path.join(dir, 'handoff.config.json');
    const before = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, before.replace('"label": "Plan"', '"label": "Plan tier"'));
    try {
      expect((await run()).findings.length).toBeGreaterThan(0);
    } finally {
      fs.writeFileSync(config, before);
    }
  });
});
