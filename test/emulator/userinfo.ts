/**
 * The OpenID Connect UserInfo endpoint of the emulated org and its running user, for `sf org login
 * access-token` (test/package/sfPlugin.test.ts authorises the emulator the sf way). Register with
 * `OrgEmulator.start({ plugins: [registerUserinfo] })`.
 */
import type { OrgEmulator } from './server';
import { json } from './router';

/** The running user's username (the one session every token of the emulator belongs to). */
export const RUNNING_USERNAME = 'admin@handoff-emulator.example';

export function registerUserinfo(emu: OrgEmulator): void {
  // Salesforce Help "UserInfo Endpoint" (remoteaccess_using_userinfo_endpoint): GET
  // /services/oauth2/userinfo with the Bearer token answers user_id, organization_id and
  // preferred_username; @salesforce/core's AuthInfo.retrieveUserInfo reads user_id and then the
  // User record (GET sobjects/User/{user_id}) for its Username.
  emu.router.register('userinfo', (req, { state }) => {
    if (req.path !== '/services/oauth2/userinfo' || req.method !== 'GET') return undefined;
    return json(200, {
      sub: `${emu.url}/id/${state.orgId}/${state.userId}`,
      user_id: state.userId,
      organization_id: state.orgId,
      preferred_username: RUNNING_USERNAME
    });
  });
  emu.state.insert('User', {
    Id: emu.state.userId,
    Username: RUNNING_USERNAME,
    Name: 'Emulator Admin',
    IsActive: true
  });
}
