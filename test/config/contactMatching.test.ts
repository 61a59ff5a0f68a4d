import { matchesContacts, resolveModel } from '../../scripts/model/resolve';
import { exampleConfig } from '../org/orgFixture';

describe('contact matching only on a verified identity', () => {
  it('is off unless the channel verifies users or the admin trusts unverified email', () => {
    expect(matchesContacts({ emailAttribute: '_email' })).toBe(false);
    expect(matchesContacts({ emailAttribute: '_email', channelVerifiesUsers: true })).toBe(true);
    expect(matchesContacts({ emailAttribute: '_email', trustUnverifiedEmail: true })).toBe(true);
    expect(matchesContacts(undefined)).toBe(false);
  });

  it('leaves contact matching out of the model of a config that does not say the email is verified', () => {
    const c = exampleConfig();
    c.contactMatching = { emailAttribute: '_email' };
    expect(resolveModel(c).contactMatching).toBeUndefined();
    c.contactMatching.trustUnverifiedEmail = true;
    expect(resolveModel(c).contactMatching?.emailAttribute.key).toBe('_email');
  });
});
