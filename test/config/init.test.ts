import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inferAttributes } from '../../scripts/config/infer';
import { loadConfig } from '../../scripts/config/load';
import { runCli } from '../support/cli';
import { starterConfig } from '../../scripts/config/templates';

const SHARED_FIN = path.resolve(__dirname, '..', '..', '..', 'shared', 'examples', 'payloads', 'fin-handoff.json');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-init-'));
}

describe('handoff init', () => {
  it.each(['fin', 'fullview', 'cognigy', 'generic'])('writes a valid starting config for %s', async (vendor) => {
    const dir = tempDir();
    const run = await runCli(['init', '--vendor', vendor], dir);
    expect(run.code).toBe(0);
    const config = loadConfig(path.join(dir, 'handoff.config.json'));
    expect(config.vendor).toBe(vendor);
    // A $schema the editor resolves: relative to the config, at the kit's own schema (node_modules/handoff-kit/… when installed).
    expect(path.resolve(dir, config.$schema!)).toBe(
      path.resolve(__dirname, '../../schemas/handoff.config.schema.json')
    );
  });

  it("sets what Fullview's guide asks of the channel: queue position and 4320-minute tokens", () => {
    const config = starterConfig('fullview');
    expect(config.channel!.tokenExpiryMinutes).toBe(4320);
    expect(config.messaging?.isQueuePositionEnabled).toBe(true);
    expect(starterConfig('fin').channel!.tokenExpiryMinutes).toBeUndefined();
  });

  it('never overwrites an existing config without --force', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'handoff.config.json'), '{"mine": true}');
    const run = await runCli(['init', '--vendor', 'fin'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('handoff.config.json already exists. Pass --force to overwrite it');
    expect(fs.readFileSync(path.join(dir, 'handoff.config.json'), 'utf8')).toBe('{"mine": true}');
    const forced = await runCli(['init', '--vendor', 'fin', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(loadConfig(path.join(dir, 'handoff.config.json')).vendor).toBe('fin');
  });

  it('exits 2 on a missing or unknown vendor', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], dir)).code).toBe(2);
    const run = await runCli(['init', '--vendor', 'zendesk'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--vendor must be one of fin, fullview, cognigy, generic, not "zendesk"');
  });

  it('infers attributes from a payload, skipping non-string values with a warning', async () => {
    const dir = tempDir();
    const payload = path.join(dir, 'payload.json');
    fs.writeFileSync(payload, JSON.stringify({ _email: 'a@b.c', plan: 'pro', score: 7, note: 'x'.repeat(300) }));
    const run = await runCli(['init', '--vendor', 'fullview', '--from-payload', payload, '--json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).result.skipped).toEqual([
      { key: 'score', reason: 'value is number, and MIAW routing attributes are strings' }
    ]);
    const config = loadConfig(path.join(dir, 'handoff.config.json'));
    expect(config.attributes).toEqual([
      { key: '_email', label: 'Email', group: 'Customer' },
      { key: 'plan', label: 'Plan', group: 'Other' },
      { key: 'note', label: 'Note', group: 'Other', type: 'LongTextArea', length: 32768 }
    ]);
    expect(config.contactMatching).toEqual({ emailAttribute: '_email' });
  });

  it('reports a malformed payload with line and column', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'p.json'), '{\n  "a": "b",\n}');
    const run = await runCli(['init', '--vendor', 'fin', '--from-payload', 'p.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/p\.json is not valid JSON: .* at line 3, column 1\./);
  });
});

describe('inferAttributes on Fin keys', () => {
  it('groups Fin key families and keeps the admin labels of custom data', () => {
    const { attributes } = inferAttributes({
      user_geoip_data_city_name: 'Dallas',
      user_email: 'a@b.c',
      'conversation_custom_data_Fin AI Agent: Preview': 'false',
      _subject: 'Next',
      _firstName: 'John',
      plan: 'pro'
    });
    expect(attributes.map((a) => [a.key, a.group, a.label])).toEqual([
      ['_subject', 'Conversation', 'Subject'],
      ['_firstName', 'Customer', 'First Name'],
      ['user_geoip_data_city_name', 'Location', 'City Name'],
      ['user_email', 'Customer', 'User Email'],
      ['conversation_custom_data_Fin AI Agent: Preview', 'Conversation', 'Fin AI Agent: Preview'],
      ['plan', 'Other', 'Plan']
    ]);
  });

  it('cuts a long label at 40 characters without leaving a trailing space', () => {
    const { attributes } = inferAttributes({
      'k with spaces and a very long name that exceeds forty characters': 'v',
      'conversation_custom_data_Preferred time window for a callback at night': 'evening'
    });
    expect(attributes.map((a) => a.label)).toEqual([
      'K With Spaces And A Very Long Name That',
      'Preferred time window for a callback at'
    ]);
  });

  const shared = fs.existsSync(SHARED_FIN) ? it : it.skip;
  if (!fs.existsSync(SHARED_FIN)) console.log(`skipped: ${SHARED_FIN} not found (../shared is not beside the project)`);
  shared('turns the real Fin payload into a config that validates and builds names for every key', async () => {
    const dir = tempDir();
    const run = await runCli(['init', '--vendor', 'fin', '--from-payload', SHARED_FIN], dir);
    expect(run.code).toBe(0);
    const config = loadConfig(path.join(dir, 'handoff.config.json'));
    const payload = JSON.parse(fs.readFileSync(SHARED_FIN, 'utf8')) as Record<string, string>;
    expect(config.attributes!.map((a) => a.key).sort()).toEqual(Object.keys(payload).sort());
    expect(config.attributes!.filter((a) => a.group === 'Location').length).toBe(6);
  });
});
