import { publishRecord } from '../../../../scripts/org/doctor/checks/publishRecord';
import { exampleModel, healthySnapshot } from '../snapshot';

const m = exampleModel();
const name = m.deployment.developerName;
const run = (publish: ReturnType<typeof healthySnapshot>['publish']) =>
  publishRecord.checks(m, { ...healthySnapshot(m), publish }).map((c) => [c.status, c.message]);
const record = { fingerprint: 'f1', publishedAt: '2026-12-01T10:00:00.000Z', apiVersion: '66.0' };

describe('doctor checks: the kit’s publish record', () => {
  it('passes a deployment unchanged since the kit published it, fails a changed one', () => {
    expect(run({ record, orgFingerprint: 'f1' })[0][0]).toBe('pass');
    expect(run({ record, orgFingerprint: 'f2' })).toEqual([
      [
        'fail',
        `${name} changed after the kit last published it (2026-12-01T10:00:00.000Z): the change is not live until it is published again`
      ]
    ]);
  });

  it('warns when the kit never published to this org (no API says whether it is published)', () => {
    expect(run({})).toEqual([
      [
        'warn',
        `Whether ${name} is published cannot be read through any API, and .handoff/publish-state.json has no publish of it to this org by the kit`
      ]
    ]);
  });
});
