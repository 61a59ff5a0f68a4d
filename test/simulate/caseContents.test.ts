/**
 * Our own Case carries the conversation (issue 13 item 5): with `fallback.case`, the Case the flow
 * creates has the summary first in its Description, the mapped fields filled from the vendor's
 * attributes, the Contact and the messaging session linked; `simulate` shows it as created.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { starterConfig } from '../../scripts/config/templates';
import type { HandoffConfig } from '../../scripts/config/types';
import { build } from '../../scripts/generate/build';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import { formatTrace } from '../../scripts/simulate/trace';
import type { Simulator } from '../../scripts/simulate/simulate';
import { REPO, tempDir } from '../validate/example';
import { run, scenario } from './helpers';

const FULLVIEW = JSON.parse(
  fs.readFileSync(path.resolve(REPO, '../shared/examples/payloads/fullview-handoff.json'), 'utf8')
) as Record<string, unknown>;

function projectFor(config: HandoffConfig): Simulator {
  const dir = tempDir('hk-case-');
  fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  fs.cpSync(path.join(REPO, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  const file = path.join(dir, 'handoff.config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  build(file, path.join(dir, 'force-app/generated'));
  return simulatorFor(loadSimProject(dir));
}

function fullview(caseTemplate?: HandoffConfig['fallback']['case']): HandoffConfig {
  const c = starterConfig('fullview');
  return {
    ...c,
    attributes: c.attributes.map((a) => (a.key === 'customer_id' ? { ...a, maxLength: 80 } : a)),
    fallback: { ...c.fallback, whenNoAgent: 'case', ...(caseTemplate ? { case: caseTemplate } : {}) },
    endConversation: { endpoint: 'https://vendor.example.com/end' },
    // Contact matching runs only on a verified identity (docs/flow.md): this channel verifies users.
    channel: { ...c.channel, verification: { mode: 'verified', keySet: 'Fullview_Keys' } },
    contactMatching: { emailAttribute: '_email', ...c.contactMatching }
  };
}

const noAgents = { scenario: scenario({ defaultAgents: 0 }) };

describe('the Case the flow creates when no agent is online', () => {
  const sim = projectFor(
    fullview({ fields: { Handoff_Summary__c: 'ai_summary', Subject: '_subject', SuppliedCompany: 'customer_id' } })
  );

  it('fills the mapped fields, puts the summary first and links the session and the Contact', () => {
    const r = run(sim, FULLVIEW, { ...noAgents, contactEmail: 'ada@example.com' });
    const o = r.run.outcome;
    if (o.kind !== 'case') throw new Error(`expected a Case, got ${o.kind}`);
    expect(o.case.fields).toMatchObject({
      Handoff_Summary__c: FULLVIEW.ai_summary,
      Subject: 'Billing question',
      SuppliedCompany: 'cus_81723',
      SuppliedEmail: 'ada@example.com',
      Origin: 'Chat'
    });
    expect(String(o.case.fields.Description).split('\n')).toEqual([
      `Ai Summary: ${String(FULLVIEW.ai_summary)}`,
      'First Name: Ada',
      'Last Name: Lovelace',
      'Email: ada@example.com',
      'Subject: Billing question',
      'Plan: enterprise',
      'Queue Name: Billing_Support',
      'Customer Id: cus_81723'
    ]);
    expect(o.case.owner).toBe('Handoff_General');
    expect(o.case.contact).toMatchObject({ email: 'ada@example.com' });
    expect(o.case.sessions).toEqual([r.run.session.id]);
  });

  it('prints the Case as created, the Description whole', () => {
    const r = run(sim, FULLVIEW, noAgents);
    const text = formatTrace(r, sim.project);
    const at = text.indexOf('as created:');
    expect(at).toBeGreaterThan(0);
    expect(text.slice(at)).toContain(
      [
        '  Handoff_Summary__c: Customer was charged twice for the November invoice and wants a refund of the duplicate charge.',
        '  Origin: Chat',
        '  Subject: Billing question',
        '  SuppliedCompany: cus_81723',
        '  SuppliedEmail: ada@example.com',
        '  Owner: queue Handoff_General',
        '  Contact: (none)',
        `  Messaging sessions: ${r.run.session.id}`,
        '  Description:',
        '    Ai Summary: Customer was charged twice for the November invoice and wants a refund of the duplicate charge.'
      ].join('\n')
    );
  });

  it('writes only the listed attributes, in the listed order', () => {
    const listed = projectFor(fullview({ description: ['plan', 'ai_summary'] }));
    const o = run(listed, FULLVIEW, noAgents).run.outcome;
    if (o.kind !== 'case') throw new Error(`expected a Case, got ${o.kind}`);
    expect(o.case.fields.Description).toBe(`Plan: enterprise\nAi Summary: ${String(FULLVIEW.ai_summary)}`);
    // No mapping: the fixed subject stays.
    expect(o.case.fields.Subject).toBe('Conversation handed off by the AI agent');
  });
});
