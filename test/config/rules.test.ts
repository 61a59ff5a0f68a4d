/**
 * The config's semantic rules as units: the registry lists every rule module, and each family
 * reports through its context alone (the invalid-config corpus covers the messages end to end).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_RULES } from '../../scripts/config/rules/index';
import { checkQueueReference, type ConfigRuleContext } from '../../scripts/config/rules/context';
import * as endConversation from '../../scripts/config/rules/endConversation';
import * as routing from '../../scripts/config/rules/routing';
import type { HandoffConfig } from '../../scripts/config/types';

type Reported = { at: (string | number)[]; message: string; fix: string };

function context(config: Partial<HandoffConfig>, names: { keys?: string[]; queues?: string[] } = {}) {
  const reported: Reported[] = [];
  const ctx: ConfigRuleContext = {
    config: config as HandoffConfig,
    attributeKeys: names.keys ?? [],
    queueNames: names.queues ?? [],
    add: (at, message, fix) => reported.push({ at, message, fix })
  };
  return { ctx, reported };
}

describe('config rules', () => {
  it('CONFIG_RULES lists every rule module in scripts/config/rules', () => {
    const dir = path.join(__dirname, '..', '..', 'scripts', 'config', 'rules');
    const modules = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'context.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const registered = [
      ...fs.readFileSync(path.join(dir, 'index.ts'), 'utf8').matchAll(/import \* as \w+ from '\.\/(\w+)'/g)
    ]
      .map((m) => m[1])
      .sort();
    expect(registered).toEqual(modules);
    expect(CONFIG_RULES.length).toBe(modules.length);
  });

  it('a queue reference is checked only when queues are listed, with a did-you-mean hint', () => {
    const listed = context({}, { queues: ['Handoff_DACH', 'Handoff_Fallback'] });
    checkQueueReference(listed.ctx, ['routing', 'defaultQueue'], 'Handoff_DAHC');
    checkQueueReference(listed.ctx, ['fallback', 'queue'], 'Handoff_Fallback');
    checkQueueReference(listed.ctx, ['fallback', 'queue'], 42);
    expect(listed.reported).toEqual([
      {
        at: ['routing', 'defaultQueue'],
        message: 'queue "Handoff_DAHC" is not listed in "queues"',
        fix: 'did you mean "Handoff_DACH"?'
      }
    ]);
    const none = context({});
    checkQueueReference(none.ctx, ['fallback', 'queue'], 'Anything');
    expect(none.reported).toEqual([]);
  });

  it('routing rules: the operator decides which of value and values it takes', () => {
    const { ctx, reported } = context(
      {
        routing: {
          defaultQueue: 'Q',
          rules: [
            { attribute: 'plan', operator: 'in', value: 'gold', queue: 'Q' },
            { attribute: 'plan', operator: 'isBlank', queue: 'Q' }
          ]
        } as unknown as HandoffConfig['routing']
      },
      { keys: ['plan'], queues: ['Q'] }
    );
    routing.check(ctx);
    expect(reported.map((r) => [r.at.join('.'), r.message])).toEqual([
      ['routing.rules.0', 'operator "in" needs "values"'],
      ['routing.rules.0.value', 'operator "in" takes "values", not "value"']
    ]);
  });

  it('end conversation: a Case path needs an endpoint, and the endpoint must be credential-free HTTPS', () => {
    const missing = context({ fallback: { whenNoAgent: 'case' } as HandoffConfig['fallback'] });
    endConversation.check(missing.ctx);
    expect(missing.reported.map((r) => r.at.join('.'))).toEqual(['endConversation']);
    const bad = context({
      endConversation: { endpoint: 'http://user:pw@vendor.example.com/end' } as HandoffConfig['endConversation']
    });
    endConversation.check(bad.ctx);
    expect(bad.reported.map((r) => r.message)).toEqual([
      'the endpoint uses http; Salesforce callouts carrying a token must use HTTPS',
      'the endpoint URL contains credentials'
    ]);
  });
});
