import { matchesContacts, resolveModel } from '../../scripts/model/resolve';
import { exampleConfig } from '../org/orgFixture';

describe('contact matching only on a verified identity', () => {
  const unverified = { developerName: 'Chat' };
  const verified = { developerName: 'Chat', verification: { mode: 'verified' as const, keySet: 'Keys' } };
  const cm = { emailAttribute: '_email' };

  it("is off unless the channel's verification mode is verified or the admin trusts unverified email", () => {
    expect(matchesContacts({ channel: unverified, contactMatching: cm })).toBe(false);
    expect(
      matchesContacts({ channel: { ...unverified, verification: { mode: 'unverified' } }, contactMatching: cm })
    ).toBe(false);
    expect(matchesContacts({ channel: verified, contactMatching: cm })).toBe(true);
    expect(matchesContacts({ channel: unverified, contactMatching: { ...cm, trustUnverifiedEmail: true } })).toBe(true);
    expect(matchesContacts({ channel: verified, contactMatching: undefined })).toBe(false);
  });

  it('leaves contact matching out of the shipped example, whose channel verifies nobody', () => {
    const c = exampleConfig();
    expect(c.channel.verification?.mode).not.toBe('verified');
    expect(c.contactMatching?.emailAttribute).toBe('_email');
    expect(resolveModel(c).contactMatching).toBeUndefined();
  });

  it('leaves contact matching out of the model of a config that does not say the email is verified', () => {
    const c = exampleConfig();
    c.contactMatching = { emailAttribute: '_email' };
    expect(resolveModel(c).contactMatching).toBeUndefined();
    c.contactMatching.trustUnverifiedEmail = true;
    expect(resolveModel(c).contactMatching?.emailAttribute.key).toBe('_email');
  });
});
