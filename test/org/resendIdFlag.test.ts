/** `handoff resend --id` with a value that is no record Id: a usage error before any org is asked. */
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { withoutOrgEnvironment } from '../support/noOrgEnv';

const ROOT = path.resolve(__dirname, '..', '..');

describe('resend --id that is not a Salesforce record Id', () => {
  withoutOrgEnvironment();

  it('exits 2 naming the value, without connecting (no org is configured)', async () => {
    const run = await runCli(['resend', '--id', 'a00000000000001AAA,notanid'], ROOT);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr:
        'Error: handoff resend: --id takes Handoff_Callout_Failure__c record Ids (15 or 18 letters and digits, comma separated), not "notanid".\n'
    });
  });

  it('exits 2 on an empty list, which would otherwise select every Failed record', async () => {
    const run = await runCli(['resend', '--id', ' , '], ROOT);
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr:
        'Error: handoff resend: --id takes Handoff_Callout_Failure__c record Ids (15 or 18 letters and digits, comma separated), not " , ".\n'
    });
  });
});
