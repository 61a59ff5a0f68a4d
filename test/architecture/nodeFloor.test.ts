/** Org commands on a Node the org libraries cannot load on: a user error with the fix, not undici's crash. */
import { checkNodeForOrg } from '../../scripts/cli/main';
import { UserError } from '../../scripts/project/errors';

test.each(['22.19.0', '22.23.3', '24.1.0', '26.0.0'])('Node %s may talk to an org', (version) => {
  expect(() => checkNodeForOrg('deploy', version)).not.toThrow();
});

test.each(['20.20.2', '22.18.9', '18.0.0'])('Node %s is refused with the version and the fix', (version) => {
  let error: unknown;
  try {
    checkNodeForOrg('seed', version);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toBe(
    `handoff seed needs Node 22.19 or newer to talk to an org; this is Node ${version}.`
  );
  expect((error as UserError).details).toEqual([
    'Install Node 22 or 24 (the LTS versions the sf CLI supports),',
    'or give this project its own: `npm install --save-dev node@22`, then run `npx handoff seed`.'
  ]);
});
