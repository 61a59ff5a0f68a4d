import { PRINCIPAL_ACCESS_NAME } from '../../../../scripts/contract';
import { credential } from '../../../../scripts/org/doctor/checks/credential';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const cred = m.calloutCredential!;
const ids = (s: ReturnType<typeof healthySnapshot>) => findings(credential, m, s).map((c) => [c.id, c.message]);

describe('doctor checks: End Conversation credential', () => {
  it('reads the External Credential in order: missing, no principal, no Authorization formula', () => {
    const s = healthySnapshot(m);
    s.credential!.external!.authorization = 'Bearer x';
    expect(ids(s)[0][1]).toMatch(/does not send Authorization: Bearer from \$Credential\./);
    s.credential!.external!.principals = [];
    expect(ids(s)[0][1]).toBe(
      `External Credential ${cred.externalCredential} has no named principal ${cred.principal}`
    );
    s.credential!.external = undefined;
    expect(ids(s)).toEqual([
      ['credential.external', `External Credential ${cred.externalCredential} is not in the org`]
    ]);
  });

  it('names the URL the Named Credential calls instead of the configured one', () => {
    const s = healthySnapshot(m);
    s.credential!.named!.url = 'https://other.example.org';
    expect(ids(s)).toEqual([
      [
        'credential.named',
        `Named Credential ${cred.namedCredential} calls https://other.example.org, the config says ${cred.url}`
      ]
    ]);
  });

  it("fails the flow permission set's missing principal access, and a principal with no token", () => {
    const s = healthySnapshot(m);
    s.credential!.principalAccess = [];
    s.credential!.tokenSet = false;
    expect(ids(s).map(([id]) => id)).toEqual(['credential.access', 'credential.token']);
    expect(ids(s)[1][1]).toBe(
      `Principal ${PRINCIPAL_ACCESS_NAME} has no token: every notification would be refused with 401`
    );
  });

  it('checks nothing when nothing was read (no callout credential)', () => {
    const s = healthySnapshot(m);
    s.credential = undefined;
    expect(credential.checks(m, s)).toEqual([]);
  });
});
