/**
 * Property: for any payload over the example's attributes (any text, any subset, extra keys, any
 * scenario), the MessagingSession fields equal the payload's values truncated to maxLength, and the
 * run ends routed or with a Case, never dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../../scripts/config/load';
import { resolveModel } from '../../scripts/model/resolve';
import { truncate } from '../../scripts/simulate/messaging';
import { payloadFromValue } from '../../scripts/simulate/payload';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import { simulate, type Simulator } from '../../scripts/simulate/simulate';
import { FIXTURE, ROOT } from './helpers';

interface Attr {
  key: string;
  field: string;
  /** The channel parameter's maxLength, or the field length for a standard parameter. */
  maxLength: number;
  /**
   * Standard parameters have no maxLength in the channel, so nothing truncates them: a longer value
   * makes the session update fail (STRING_TOO_LONG) and the flow routes to the fallback queue with no
   * attribute written (see docs/simulate.md). The property sends them within the field's length.
   */
  sendAtMost?: number;
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.fullUnicodeString({ maxLength: 300 }),
  fc.constantFrom('', ' ', 'enterprise', 'DE', 'AT', 'CH', 'US', 'a@b.co'),
  fc.fullUnicodeString({ minLength: 250, maxLength: 400 })
);

function property(sim: Simulator, attrs: Attr[], queues: string[]): void {
  const payloadArb = fc
    .tuple(fc.subarray(attrs), fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 5 }))
    .chain(([chosen, extra]) => fc.tuple(fc.tuple(...chosen.map(() => text)), fc.constant(chosen), fc.constant(extra)));
  const scenarioArb = fc.record({
    hours: fc.constantFrom('open' as const, 'closed' as const),
    defaultAgents: fc.nat(2),
    agents: fc.array(fc.tuple(fc.constantFrom(...queues), fc.nat(2)), { maxLength: 3 })
  });
  fc.assert(
    fc.property(payloadArb, scenarioArb, ([values, chosen, extra], sc) => {
      const obj: Record<string, unknown> = {};
      // Extra keys first, so a chosen attribute's value wins if an extra key collides with it.
      for (const [k, v] of Object.entries(extra)) obj[k] = v;
      chosen.forEach((a, i) => (obj[a.key] = a.sendAtMost ? truncate(values[i], a.sendAtMost).value : values[i]));
      const r = simulate(sim, payloadFromValue(obj, 'prop.json'), {
        scenario: { hours: sc.hours, defaultAgents: sc.defaultAgents, agents: new Map(sc.agents) },
        tracing: false
      });
      expect(['routed', 'case']).toContain(r.run.outcome.kind);
      for (const a of attrs) {
        const sent = obj[a.key];
        const expected = typeof sent === 'string' && sent !== '' ? truncate(sent, a.maxLength).value : null;
        expect({ field: a.field, value: r.run.session.fields[a.field] ?? null }).toEqual({
          field: a.field,
          value: expected
        });
      }
    }),
    { numRuns: 200 }
  );
}

describe('property: session fields equal the payload, every run ends routed or with a Case', () => {
  it('on the fixture project', () => {
    const attrs: Attr[] = [
      { key: '_firstName', field: 'firstName__c', maxLength: 40, sendAtMost: 40 },
      { key: '_email', field: 'email__c', maxLength: 80, sendAtMost: 80 },
      { key: 'plan', field: 'plan__c', maxLength: 20 },
      { key: 'user_geoip_data_country_code2', field: 'country_code__c', maxLength: 3 },
      { key: 'conversation_custom_data_AI Tone of Voice', field: 'ai_tone__c', maxLength: 255 }
    ];
    property(simulatorFor(loadSimProject(FIXTURE)), attrs, ['Fixture_General', 'Fixture_Priority', 'Fixture_DACH']);
  });

  const generated = path.join(ROOT, 'force-app/generated/flows');
  const haveExample = fs.existsSync(generated) && fs.readdirSync(generated).length > 0;
  if (!haveExample)
    console.warn('property test on the example project skipped: force-app/generated has no flow (run `handoff build`)');
  (haveExample ? it : it.skip)('on the example project, over the attributes of handoff.config.json', () => {
    const model = resolveModel(loadConfig(path.join(ROOT, 'handoff.config.json')));
    const attrs = model.attributes.map((a) => ({
      key: a.key,
      field: a.field.apiName,
      maxLength: a.maxLength,
      sendAtMost: a.standard ? a.field.length : undefined
    }));
    property(
      simulatorFor(loadSimProject(ROOT)),
      attrs,
      model.queues.map((q) => q.developerName)
    );
  });
});
