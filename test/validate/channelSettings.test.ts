/**
 * validate on projects built with channel settings: a verified channel with its key set passes;
 * without Contact matching in the flow it gets a notice (not a finding).
 */
import * as fs from 'node:fs';
import type { HandoffConfig } from '../../scripts/config/types';
import { checkDrift } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';
import { exampleProjectWith, tempDir } from './example';

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function projectOf(edit: (c: HandoffConfig) => void): string {
  const dir = tempDir('hk-validate-verified-');
  made.push(dir);
  return exampleProjectWith(dir, (config) => {
    config.channel!.verification = {
      mode: 'verified',
      keySet: 'Vendor_Keys',
      jwksUrl: 'https://vendor.example.com/jwks'
    };
    edit(config);
  });
}

const only = ['channel/verified-users', 'deployment/visible-field-label', 'schema', 'chain'];

describe('verified users in validate', () => {
  it('accepts a verified channel with its key set and Contact matching', async () => {
    const result = await validate({ root: projectOf(() => undefined), only, checkDrift });
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('notes a verified channel whose flow does not match the customer to a Contact', async () => {
    const result = await validate({
      root: projectOf((c) => delete c.contactMatching),
      only: ['channel/verified-users'],
      checkDrift
    });
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual([
      {
        rule: 'channel/verified-users',
        message:
          'Channel Handoff_Messaging verifies its users, but its flow Handoff_Routing does not match them to a Contact; set contactMatching in handoff.config.json so agents see who the verified customer is.'
      }
    ]);
  });
});
