/** Replay of JSON Lines and comparison of two projects. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { replay, simulatorFor } from '../../scripts/simulate/replay';
import { loadSimProject } from '../../scripts/simulate/project';
import { fixtureWithFlow, FIXTURE, scenario } from './helpers';

const lines = [
  JSON.stringify({ plan: 'enterprise', _email: 'ceo@bigco.com' }),
  JSON.stringify({ user_geoip_data_country_code2: 'DE', queueName: 'x' }),
  '{"plan": "pro",}',
  '',
  JSON.stringify({ plan: 'pro', queueName: 'y' }),
  '[1, 2]',
  JSON.stringify({ user_geoip_data_country_code2: 'CH' })
];
const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0x0a])]);
const opts = { scenario: scenario(), tracing: false };

describe('replay', () => {
  it('counts outcomes, reports bad lines by number and ranks dropped keys', () => {
    const s = replay(bytes, 'p.jsonl', simulatorFor(loadSimProject(FIXTURE)), opts);
    expect(s.payloads).toBe(4);
    expect(s.outcomes).toEqual({ 'queue Fixture_DACH': 2, 'queue Fixture_General': 1, 'queue Fixture_Priority': 1 });
    expect(s.badLines).toBe(3);
    expect(s.badLineList).toEqual([
      {
        line: 3,
        error: 'p.jsonl:3: malformed JSON: Expected a property name in double quotes, found "}" (line 1, column 16)'
      },
      {
        line: 6,
        error: 'p.jsonl:6: the payload must be a JSON object of routing attributes ({"key": "value", …}), not an array'
      },
      { line: 8, error: 'p.jsonl:8: not valid UTF-8: invalid byte sequence at byte offset 0 of the line' }
    ]);
    expect(s.droppedKeys).toEqual([
      { key: 'queueName', reason: 'no channel custom parameter has externalParameterName "queueName"', count: 2 }
    ]);
  });

  it('compares against another project and lists the payloads whose outcome changed', () => {
    // "After" a routing change: the DACH rule now also takes FR... and CH moves nowhere.
    const after = fixtureWithFlow((x) => x.replace('<stringValue>CH</stringValue>', '<stringValue>FR</stringValue>'));
    const s = replay(bytes, 'p.jsonl', simulatorFor(loadSimProject(FIXTURE)), opts, {
      label: 'after',
      sim: simulatorFor(loadSimProject(after))
    });
    expect(s.compare).toEqual({
      against: 'after',
      outcomes: { 'queue Fixture_DACH': 1, 'queue Fixture_General': 2, 'queue Fixture_Priority': 1 },
      changed: 1,
      changedList: [{ line: 7, before: 'queue Fixture_DACH', after: 'queue Fixture_General' }]
    });
    fs.rmSync(after, { recursive: true, force: true });
  });

  it('counts an error in the project per payload instead of stopping', () => {
    const broken = fixtureWithFlow((x) =>
      x.replace(
        '<elementReference>HK_DefaultQueue</elementReference>',
        '<elementReference>HK_Missing</elementReference>'
      )
    );
    const s = replay(bytes, 'p.jsonl', simulatorFor(loadSimProject(broken)), opts);
    expect(s.outcomes.error).toBe(1);
    expect(s.projectErrors).toHaveLength(1);
    expect(s.projectErrors[0].message).toContain(`${path.join('force-app', 'flows', 'Fixture_Routing.flow-meta.xml')}`);
    fs.rmSync(broken, { recursive: true, force: true });
  });
  it('numbers lines across the megabyte chunks it decodes at a time, and names a bad byte past the first', () => {
    // About 1 KB a line: line 1,500 sits past the first 1 MiB chunk.
    const line = (i: number) => JSON.stringify({ plan: i % 2 ? 'pro' : 'enterprise', pad: 'x'.repeat(1000) });
    const parts: Buffer[] = [];
    for (let i = 1; i <= 2000; i++) {
      if (i === 7) parts.push(Buffer.from('{"plan": "caf'), Buffer.from([0xe9]), Buffer.from('"}\r\n'));
      else if (i === 1500) parts.push(Buffer.from('{"plan": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\r\n'));
      else if (i % 100 === 0) parts.push(Buffer.from('\r\n'));
      else parts.push(Buffer.from(line(i) + (i % 3 ? '\n' : '\r\n')));
    }
    parts.push(Buffer.from('{"plan": }'));
    const s = replay(Buffer.concat(parts), 'big.jsonl', simulatorFor(loadSimProject(FIXTURE)), opts);
    // 2,000 lines less the two bad ones and 19 blank ones (every 100th, but line 1,500).
    expect(s.payloads).toBe(1979);
    expect(s.badLineList).toEqual([
      { line: 7, error: 'big.jsonl:7: not valid UTF-8: invalid byte sequence at byte offset 13 of the line' },
      { line: 1500, error: 'big.jsonl:1500: not valid UTF-8: invalid byte sequence at byte offset 10 of the line' },
      { line: 2001, error: 'big.jsonl:2001: malformed JSON: Unexpected "}" (line 1, column 10)' }
    ]);
    expect(s.droppedKeys).toEqual([
      { key: 'pad', reason: 'no channel custom parameter has externalParameterName "pad"', count: 1979 }
    ]);
  });

  it('counts a key dropped for one reason as one row, even when 10,000 other keys came between', () => {
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`key_${i}`, 'v']));
    const text = [{ queueName: 'x' }, many, { queueName: 'y' }].map((p) => JSON.stringify(p)).join('\n');
    const s = replay(Buffer.from(text), 'p.jsonl', simulatorFor(loadSimProject(FIXTURE)), opts);
    expect(s.droppedKeys[0]).toEqual({
      key: 'queueName',
      reason: 'no channel custom parameter has externalParameterName "queueName"',
      count: 2
    });
    expect(s.droppedKeys.slice(1).map((d) => d.count)).toEqual(Array(9).fill(1));
  });
});
