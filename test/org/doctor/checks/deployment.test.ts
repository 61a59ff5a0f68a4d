import { deployment } from '../../../../scripts/org/doctor/checks/deployment';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const name = m.deployment.developerName;
const hidden = m.attributes.find((a) => a.hidden && !a.standard)!;

describe('doctor checks: pre-chat (deployment)', () => {
  it('reports only that the deployment is missing when it is', () => {
    const s = healthySnapshot(m);
    s.deployment = { exists: false, forms: [], published: { unavailable: 'the deployment is missing' } };
    expect(findings(deployment, m, s).map((c) => c.id)).toEqual(['deployment.exists']);
  });

  it('fails an inactive pre-chat form and still checks its fields', () => {
    const s = healthySnapshot(m);
    s.deployment.forms[0].isActive = false;
    s.deployment.forms[0].fields.find((f) => f.formField === hidden.formField)!.isHidden = false;
    expect(findings(deployment, m, s).map((c) => [c.id, c.message])).toEqual([
      ['prechat.active', `Pre-chat is not active on ${name}`],
      ['prechat.hiddenFields', `Hidden pre-chat fields missing: ${hidden.formField} (not hidden)`]
    ]);
  });

  it('names the fields the published form does not serve', () => {
    const s = healthySnapshot(m);
    const published = s.deployment.published as { formFields: string[] };
    published.formFields = published.formFields.filter((f) => f !== hidden.formField);
    expect(findings(deployment, m, s).map((c) => [c.id, c.message])).toEqual([
      [
        'deployment.published',
        `${name} was changed and not published since; these fields are dropped: ${hidden.formField}`
      ]
    ]);
  });

  it('warns when the published form cannot be read', () => {
    const s = healthySnapshot(m);
    s.deployment.published = { unavailable: 'no MIAW URL' };
    const [c] = findings(deployment, m, s);
    expect([c.id, c.status, c.message]).toEqual([
      'deployment.published',
      'warn',
      'Could not read the published pre-chat form: no MIAW URL'
    ]);
  });
});
