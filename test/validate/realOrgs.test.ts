/**
 * Projects the kit did not write (test/fixtures/retrieved: real orgs' retrieves, see each README):
 * no false errors; conventions and schema gaps of a retrieve at another API version are warnings;
 * what a real org would reject stays an error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDrift } from '../../scripts/generate/build';
import { validate } from '../../scripts/validate/index';

const RETRIEVED = path.resolve(__dirname, '../fixtures/retrieved');

describe.each(['ubiquity-web-messaging', 'ubiquity-sms-onboarding', 'minlopro-digex', 'coral-resort-agent'])(
  '%s',
  (name) => {
    it('gives no error finding', async () => {
      const r = await validate({ root: path.join(RETRIEVED, name), checkDrift, cache: false });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
);

test('schema gaps and kit conventions in a retrieve are warnings', async () => {
  const r = await validate({ root: path.join(RETRIEVED, 'ubiquity-web-messaging'), checkDrift, cache: false });
  const rules = new Set(r.findings.map((f) => `${f.severity} ${f.rule}`));
  expect(rules).toContain('warning schema/required-element');
  expect(rules).toContain('warning flow/fault-path');
  expect(rules).toContain('warning flow/no-hardcoded-id');
});

test('a hard-coded Id says what it points to, and the fix fits that kind (coral-resort-agent)', async () => {
  const r = await validate({ root: path.join(RETRIEVED, 'coral-resort-agent'), checkDrift, cache: false });
  const ids = r.findings.filter((f) => f.rule === 'flow/no-hardcoded-id' && f.file.endsWith('Agent.flow-meta.xml'));
  expect(ids.map((f) => f.message)).toEqual([
    'Hard-coded record Id "0N95e000000A001AAA" (a service channel)',
    'Hard-coded record Id "00G5e00000Q0101AAA" (a queue or group)',
    'Hard-coded record Id "0Xx5e000000A101AAA" (an Agentforce agent, a BotDefinition)'
  ]);
  expect(ids[2].fix).toContain('Re-select the agent in Route Work');
  // Flow Builder 62 writes <versionSegment>, which the v66 WSDL lacks: a warning on a retrieve, not an error.
  expect(r.findings.filter((f) => f.rule === 'schema/unknown-element').map((f) => f.severity)).toEqual([
    'warning',
    'warning'
  ]);
});

test('what a real org rejects stays an error in a retrieve: a channel naming a flow that is not there', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-retrieved-'));
  fs.cpSync(path.join(RETRIEVED, 'minlopro-digex'), dir, { recursive: true });
  const ch = path.join(
    dir,
    'src/digex-messaging/main/messagingChannels/Site_Messaging_Channel.messagingChannel-meta.xml'
  );
  fs.writeFileSync(ch, fs.readFileSync(ch, 'utf8').replace('>Route_Site_Messaging_Requests<', '>Route_Missing<'));
  const r = await validate({ root: dir, checkDrift, cache: false });
  expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('channel/handler-flow-exists');
});
