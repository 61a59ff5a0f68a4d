/**
 * examples/vendor-flow: mode vendorFlow without a channel (Fullview creates Cases through the API). It
 * builds only the vendor's half and validates with no findings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, checkDrift } from '../../scripts/generate/build';
import { loadConfig } from '../../scripts/config/load';
import { resolveProject } from '../../scripts/model/resolve';
import { hasMiaw } from '../../scripts/model/types';
import { loadSimProject } from '../../scripts/simulate/project';
import { validate } from '../../scripts/validate/index';
import { REPO, tempDir } from '../validate/example';

const EXAMPLE = path.join(REPO, 'examples/vendor-flow/handoff.config.json');

function exampleProject(): string {
  const dir = tempDir('handoff-vendorflow-');
  fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  fs.cpSync(path.join(REPO, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'handoff.verdicts.json'), path.join(dir, 'handoff.verdicts.json'));
  fs.copyFileSync(EXAMPLE, path.join(dir, 'handoff.config.json'));
  return dir;
}

describe('the vendorFlow example (no channel)', () => {
  it('resolves without the MIAW half', () => {
    const model = resolveProject(loadConfig(EXAMPLE));
    expect(hasMiaw(model)).toBe(false);
    expect(model.attributes).toEqual([]);
    expect(model.caseFieldSet.fields).toEqual([
      'Handoff_Summary__c',
      'Handoff_Transcript__c',
      'Handoff_Transcript_URL__c'
    ]);
  });

  it('builds the vendor side only and validates with 0 findings', async () => {
    const root = exampleProject();
    const result = build(path.join(root, 'handoff.config.json'), path.join(root, 'force-app/generated'));
    const dirs = [...new Set(result.written.map((p) => p.split('/')[0]))].sort();
    expect(dirs).toEqual([
      'externalClientApps',
      'extlClntAppGlobalOauthSets',
      'extlClntAppOauthPolicies',
      'extlClntAppOauthSettings',
      'objects',
      'permissionsets'
    ]);
    expect(result.written.filter((p) => p.startsWith('permissionsets/')).sort()).toEqual([
      'permissionsets/Handoff_Agent.permissionset-meta.xml',
      'permissionsets/Handoff_Integration.permissionset-meta.xml'
    ]);
    expect(result.written.filter((p) => /MessagingSession|flows\/|queues\//.test(p))).toEqual([]);
    expect(result.written).toContain('objects/Case/fieldSets/Handoff_Case_Context.fieldSet-meta.xml');
    const agent = fs.readFileSync(
      path.join(root, 'force-app/generated/permissionsets/Handoff_Agent.permissionset-meta.xml'),
      'utf8'
    );
    expect(agent).toContain('<field>Case.Handoff_Summary__c</field>');
    expect(agent).not.toContain('MessagingSession');
    expect(agent).not.toContain('servicePresenceStatusAccesses');

    const report = await validate({ root, checkDrift });
    expect(report.findings).toEqual([]);
  });
});

describe('simulate on the vendorFlow example', () => {
  it('says there is no hand-off to simulate and names the Case fields the vendor writes', () => {
    const root = exampleProject();
    build(path.join(root, 'handoff.config.json'), path.join(root, 'force-app/generated'));
    expect(() => loadSimProject(root)).toThrow(
      /no deployment, messaging channel or routing flow \(mode vendorFlow without "channel"\).*Case fields the vendor may write: Case\.Handoff_Summary__c, Case\.Handoff_Transcript_URL__c, Case\.Handoff_Transcript__c\./
    );
  });
});
