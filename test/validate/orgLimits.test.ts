/**
 * validate's org limits (model/orgLimits.ts): each finding names the number and its source; a
 * config over a limit is an error with a fix, not a clean run.
 */
import { checkDrift } from '../../scripts/generate/build';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from '../../scripts/generate/build';
import { loadProject } from '../../scripts/source/project';
import { validate } from '../../scripts/validate/index';
import { REPO, tempDir } from './example';
import type { HandoffConfig } from '../../scripts/config/types';

function project(attributes: number, extra: Partial<HandoffConfig> = {}): string {
  const dir = tempDir('handoff-limits-');
  fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  const config: HandoffConfig = {
    channel: { developerName: 'Limits_Channel' },
    deployment: { developerName: 'Limits_Deployment' },
    attributes: Array.from({ length: attributes }, (_, i) => ({ key: `attr_${i + 1}` })),
    queues: [{ developerName: 'Limits_Queue' }],
    routing: { defaultQueue: 'Limits_Queue' },
    fallback: { queue: 'Limits_Queue', whenNoAgent: 'wait' },
    ...extra
  };
  fs.writeFileSync(path.join(dir, 'handoff.config.json'), JSON.stringify(config));
  build(path.join(dir, 'handoff.config.json'), path.join(dir, 'force-app/generated'));
  return dir;
}

const run = (dir: string, rule: string) => validate({ root: dir, only: [rule], cache: false, checkDrift });

describe('org limits', () => {
  it('501 attributes exceed the 500 custom fields of Enterprise Edition (the default), with the source and a fix', async () => {
    const dir = project(501);
    const { findings } = await run(dir, 'limits/custom-fields-per-object');
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message).toContain('MessagingSession gets 501 custom fields; enterprise edition allows 500');
    expect(findings[0].message).toContain('Custom Fields Allowed Per Object');
    expect(findings[0].fix).toContain('Remove 1 or more attributes');
  });

  it('org.edition unlimited allows 800', async () => {
    const dir = project(501, { org: { edition: 'unlimited' } });
    expect((await run(dir, 'limits/custom-fields-per-object')).findings).toEqual([]);
  });

  it('more than 10,000 files in one deploy is an error', async () => {
    const dir = project(3);
    const index = loadProject(dir);
    for (let i = 0; i < 10_001; i++) index.allFiles.add(`force-app/generated/x/${i}.txt`);
    const { findings } = await validate({
      root: dir,
      only: ['limits/deploy-files'],
      project: index,
      cache: false,
      checkDrift
    });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^The project has 10,0\d\d files; one deploy or retrieve carries at most 10,000 \(Metadata API/
      )
    ]);
  });

  it('a field length outside its type range is an error naming the range', async () => {
    const dir = project(1);
    const file = fs
      .readdirSync(path.join(dir, 'force-app/generated/objects/MessagingSession/fields'))
      .map((f) => path.join(dir, 'force-app/generated/objects/MessagingSession/fields', f))[0];
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('<length>255</length>', '<length>300</length>'));
    const { findings } = await run(dir, 'limits/field-length');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('has length 300; Text holds 1–255')]);
  });

  it('a flow below API 57 with more than 2,000 elements is an error; at 57 or later it is not', async () => {
    const dir = project(1);
    const flowFile = path.join(dir, 'force-app/generated/flows/Handoff_Routing.flow-meta.xml');
    const many = Array.from(
      { length: 2001 },
      (_, i) =>
        `<assignments><name>A${i}</name><label>A${i}</label><locationX>0</locationX><locationY>0</locationY></assignments>`
    ).join('');
    const xml = fs.readFileSync(flowFile, 'utf8').replace('<apiVersion>', `${many}<apiVersion>`);
    fs.writeFileSync(flowFile, xml);
    expect((await run(dir, 'limits/flow-elements')).findings).toEqual([]);
    fs.writeFileSync(flowFile, xml.replace(/<apiVersion>[\d.]+<\/apiVersion>/, '<apiVersion>56.0</apiVersion>'));
    const { findings } = await run(dir, 'limits/flow-elements');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('executes at most 2000 per interview')]);
  });
});
