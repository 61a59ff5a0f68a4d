import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, checkDrift } from '../../scripts/generate/build';
import { UserError } from '../../scripts/project/errors';
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

  describe('a checkout that wrote generated files with CRLF line endings', () => {
    const files = [
      'force-app/generated/queues/Handoff_General.queue-meta.xml',
      'force-app/generated/flows/Handoff_Routing.flow-meta.xml'
    ];
    const originals = new Map<string, string>();
    beforeEach(() => {
      for (const f of files) {
        const abs = path.join(dir, f);
        originals.set(abs, fs.readFileSync(abs, 'utf8'));
        fs.writeFileSync(abs, originals.get(abs)!.replace(/\n/g, '\r\n'));
      }
    });
    afterEach(() => originals.forEach((text, abs) => fs.writeFileSync(abs, text)));

    const CRLF_FINDING = {
      rule: 'freshness/build-current',
      severity: 'error',
      file: 'force-app/generated/flows/Handoff_Routing.flow-meta.xml',
      message:
        "Differs from what handoff build writes only by its CRLF line endings (as does 1 more generated file): a checkout converted it (git's core.autocrlf), not an edit by hand",
      fix: 'Keep the generated files LF: `git config core.autocrlf false`, or the .gitattributes line `handoff init` writes (force-app/generated/** text eol=lf); then check the folder out again (`rm -r force-app/generated && git checkout -- force-app/generated`).'
    };

    test('is one finding, told from the manifest without regenerating', async () => {
      expect((await run(mustNotRegenerate)).findings).toEqual([CRLF_FINDING]);
    });

    test('with a hand edit besides: regenerated, the edit and the line endings each said', async () => {
      const edited = path.join(dir, 'force-app/generated/queues/Handoff_Priority.queue-meta.xml');
      const before = fs.readFileSync(edited, 'utf8');
      fs.writeFileSync(edited, before.replace('</Queue>', '<!-- edited --></Queue>'));
      try {
        let regenerated = 0;
        const { findings } = await run((config, out) => {
          regenerated++;
          return checkDrift(config, out);
        });
        expect(regenerated).toBe(1);
        expect(findings.map((f) => [f.file, f.message.slice(0, 40)])).toEqual([
          [CRLF_FINDING.file, CRLF_FINDING.message.slice(0, 40)],
          ['force-app/generated/queues/Handoff_Priority.queue-meta.xml', 'Differs from what handoff.config.json ge']
        ]);
      } finally {
        fs.writeFileSync(edited, before);
      }
    });
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

  test('a stale manifest: the drift is computed once, before the project is loaded (validate/driftFirst.ts)', async () => {
    const manifest = path.join(dir, 'handoff.build.json');
    const before = fs.readFileSync(manifest, 'utf8');
    // The check adds a class; the run's file count shows whether the project was loaded after it.
    const probe = path.join(dir, 'force-app/main/default/classes/DriftProbe.cls');
    const files = (await run()).files;
    fs.writeFileSync(manifest, before.replace(/"generator": "/, '"generator": "stale-'));
    let calls = 0;
    try {
      const result = await run((config, out) => {
        calls++;
        fs.writeFileSync(probe, 'public class DriftProbe {}\n');
        return checkDrift(config, out);
      });
      expect(result.findings).toEqual([]);
      expect(calls).toBe(1);
      expect(result.files).toBe(files + 1);
    } finally {
      fs.rmSync(probe, { force: true });
      fs.writeFileSync(manifest, before);
    }
  });

  test("an error of the early drift check is raised at the rule's turn, as itself", async () => {
    const manifest = path.join(dir, 'handoff.build.json');
    const before = fs.readFileSync(manifest, 'utf8');
    fs.writeFileSync(manifest, before.replace(/"generator": "/, '"generator": "stale-'));
    const settings = path.join(dir, 'handoff.validate.json');
    const rejected = new UserError('handoff.config.json has 1 problem', ['  - $.attributes: must be a list']);
    try {
      await expect(
        run(() => {
          throw rejected;
        })
      ).rejects.toBe(rejected);
      // Not before: a mistake validate meets first (here handoff.validate.json, read before the rules) is the one said.
      fs.writeFileSync(settings, '[]');
      await expect(
        run(() => {
          throw rejected;
        })
      ).rejects.toThrow('handoff.validate.json must hold one JSON object');
    } finally {
      fs.rmSync(settings, { force: true });
      fs.writeFileSync(manifest, before);
    }
  });
});
