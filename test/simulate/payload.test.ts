/** Hostile and malformed payloads: a clear report, never a crash, never a polluted object. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findInvalidUtf8, parsePayloadBytes, PayloadError } from '../../scripts/simulate/payload';
import { fixtureSimulator, run } from './helpers';

const BAD = path.resolve(__dirname, '../fixtures/simulate/bad-payloads');
const expected = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8')) as Record<string, string>;

describe('payload reading', () => {
  it.each(Object.entries(expected))('%s is refused with its exact reason', (file, message) => {
    const read = () => parsePayloadBytes(fs.readFileSync(path.join(BAD, file)), file);
    expect(read).toThrow(PayloadError);
    expect(read).toThrow(message);
  });

  it('every file in the bad-payload corpus has an expected error', () => {
    const files = fs.readdirSync(BAD).filter((f) => f !== 'expected.json');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it('reports the byte offset of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('{"plan": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(() => parsePayloadBytes(bytes, 'latin1.json')).toThrow(
      'latin1.json: not valid UTF-8: invalid byte sequence at byte offset 13 (bytes e9 22 7d). Save the file as UTF-8; the MIAW API only takes UTF-8 JSON'
    );
  });

  it.each([
    ['overlong encoding', [0xc0, 0xaf], 0],
    ['lone continuation byte', [0x41, 0x80], 1],
    ['UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['truncated sequence', [0x41, 0xe2, 0x82], 1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['valid multi-byte text', [...Buffer.from('Grüße 👋')], -1]
  ])('finds invalid UTF-8: %s', (_, bytes, offset) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it('drops a leading BOM and reads a captured conversation request body', () => {
    const body = {
      conversationId: 'c0ffee00-0000-4000-8000-000000000000',
      esDeveloperName: 'Fixture_Deployment',
      routingAttributes: { plan: 'pro' }
    };
    const p = parsePayloadBytes(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(body))]),
      'body.json'
    );
    expect([...p.entries]).toEqual([['plan', 'pro']]);
    expect(p.envelope).toEqual({ conversationId: body.conversationId, esDeveloperName: 'Fixture_Deployment' });
  });
});

describe('hostile payloads through the simulator', () => {
  const sim = fixtureSimulator();

  it('drops non-string values with the reason and still routes', () => {
    const r = run(sim, {
      plan: 42,
      summary: null,
      ai_summary: ['x'],
      user_geoip_data_country_code2: { c: 'DE' },
      _email: true
    });
    const reasons = Object.fromEntries(r.run.keys.map((k) => [k.key, k.reason]));
    expect(reasons).toEqual({
      plan: 'the value is a number, not a string (MIAW routing attributes are strings)',
      summary: 'no channel custom parameter has externalParameterName "summary"',
      ai_summary: 'the value is an array, not a string (MIAW routing attributes are strings)',
      user_geoip_data_country_code2: 'the value is an object, not a string (MIAW routing attributes are strings)',
      _email: 'the value is a boolean, not a string (MIAW routing attributes are strings)'
    });
    expect(r.run.outcome).toMatchObject({ kind: 'routed', queue: 'Fixture_General' });
  });

  it('treats __proto__, constructor and prototype as ordinary keys, polluting nothing', () => {
    const text =
      '{"__proto__": {"polluted": "yes"}, "constructor": "x", "prototype": "y", "hasOwnProperty": "z", "plan": "enterprise"}';
    const p = parsePayloadBytes(Buffer.from(text), 'proto.json');
    expect([...p.entries.keys()]).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'plan']);
    const r = run(sim, Object.fromEntries(p.entries));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const dropped = r.run.keys.filter((k) => !k.accepted).map((k) => k.key);
    expect(dropped).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty']);
    expect(r.run.session.fields.plan__c).toBe('enterprise');
  });

  it('accepts empty values as empty strings', () => {
    const r = run(sim, { plan: '', _email: '' });
    expect(r.run.keys.every((k) => k.accepted && k.value === '')).toBe(true);
    expect(r.run.outcome.kind).toBe('routed');
  });

  it('truncates a huge value to the parameter maxLength, by code points', () => {
    const huge = '🙂'.repeat(1_000_000);
    const r = run(sim, { plan: huge });
    const plan = r.run.keys.find((k) => k.key === 'plan')!;
    expect(plan).toMatchObject({ accepted: true, maxLength: 20, truncatedFrom: 1_000_000 });
    expect(Array.from(plan.value!)).toHaveLength(20);
    expect(plan.value).toBe('🙂'.repeat(20));
    expect(r.run.session.fields.plan__c).toBe('🙂'.repeat(20));
  });

  it('handles 10,000 keys', () => {
    const obj: Record<string, string> = { plan: 'enterprise' };
    for (let i = 0; i < 10_000; i++) obj[`key_${i}`] = `value ${i}`;
    const r = run(sim, obj);
    expect(r.run.keys).toHaveLength(10_001);
    expect(r.run.keys.filter((k) => k.accepted)).toHaveLength(1);
    expect(r.run.outcome.kind).toBe('routed');
  });

  it('refuses a payload over the size limit before parsing it', () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    expect(() => parsePayloadBytes(big, 'big.json')).toThrow(
      'big.json: the payload is 5242881 bytes; the simulator reads at most 5242880 bytes'
    );
  });

  it('hints at a case mismatch, since keys match case-exactly', () => {
    const r = run(sim, { Plan: 'enterprise' });
    expect(r.run.keys[0].reason).toBe(
      'no channel custom parameter has externalParameterName "Plan" (did you mean "plan"? keys match case-exactly)'
    );
  });
});
