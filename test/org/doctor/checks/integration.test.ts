import { integration } from '../../../../scripts/org/doctor/checks/integration';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const ids = (s: ReturnType<typeof healthySnapshot>) => findings(integration, m, s).map((c) => [c.id, c.message]);

describe('doctor checks: the vendor’s External Client App', () => {
  it('reports only the missing app when it is missing', () => {
    const s = healthySnapshot(m);
    s.integration = { appExists: false };
    expect(ids(s).map(([id]) => id)).toEqual(['integration.app']);
  });

  it('says which half of the client credentials flow is off', () => {
    const s = healthySnapshot(m);
    s.integration!.policies!.clientCredentials = false;
    expect(ids(s)).toEqual([['integration.clientCredentials', 'Client credentials flow is off (OAuth policies)']]);
    s.integration!.globalClientCredentials = false;
    expect(ids(s)[0][1]).toBe('Client credentials flow is off (global OAuth settings)');
    s.integration!.globalClientCredentials = undefined;
    expect(ids(s)[0][1]).toMatch(/^Client credentials flow is off \(\w+ missing\)$/);
  });

  it('stops at the Run-As user: none, unknown, inactive', () => {
    const s = healthySnapshot(m);
    s.integration!.runAsUser!.active = false;
    expect(ids(s)).toEqual([['integration.runAsUser', 'Run-As user vendor@example.com is inactive']]);
    s.integration!.runAsUser = undefined;
    expect(ids(s)).toEqual([['integration.runAsUser', 'Run-As user vendor@example.com is not a user of this org']]);
    s.integration!.policies!.runAsUser = undefined;
    expect(ids(s)).toEqual([['integration.runAsUser', 'No Run-As user: the vendor cannot get a token']]);
  });

  it('fails a Run-As user without the integration permission set', () => {
    const s = healthySnapshot(m);
    s.integration!.holdsPermissionSet = false;
    expect(ids(s)).toEqual([
      ['integration.permissionSet', `vendor@example.com does not hold ${m.permissionSets.integration.name}`]
    ]);
  });

  it('checks nothing when the config has no integration', () => {
    const s = healthySnapshot(m);
    s.integration = undefined;
    expect(integration.checks(m, s)).toEqual([]);
  });
});
