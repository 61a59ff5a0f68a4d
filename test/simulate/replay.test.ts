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
});
