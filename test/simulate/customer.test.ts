/**
 * simulate's customer side: the automated responses the path reaches (routed with an agent, no agent
 * online, a Case out of hours) and which routing attributes a file upload re-sends, on a project built
 * with auto-responses and attachments set in handoff.config.json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HandoffConfig } from '../../scripts/config/types';
import { generateAll } from '../../scripts/generate/index';
import { resolveModel } from '../../scripts/model/resolve';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import { customerLines } from '../../scripts/simulate/customer';
import type { Simulator } from '../../scripts/simulate/simulate';
import { ROOT, run, scenario } from './helpers';

function projectWith(edit: (c: HandoffConfig) => void): Simulator {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'handoff.config.json'), 'utf8')) as HandoffConfig;
  edit(config);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-sim-customer-'));
  for (const f of generateAll(resolveModel(config))) {
    const file = path.join(dir, 'force-app', f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  return simulatorFor(loadSimProject(dir));
}

const responding = projectWith((c) => {
  c.channel!.autoResponses = [
    { type: 'initial', language: 'en_US', text: 'Thanks, we are finding an agent.' },
    { type: 'initial', language: 'de', text: 'Danke, wir suchen einen Mitarbeiter.' },
    { type: 'agentEngaged', language: 'en_US', text: 'An agent has joined.' },
    { type: 'endUserIdle', language: 'en_US', text: 'Are you still there?', timeoutMinutes: 10 }
  ];
  c.channel!.attachments = { enabled: true, fileTypes: ['pdf', 'png'], maxFileSizeMB: 5 };
});
const PAYLOAD = { _email: 'ada@example.com', plan: 'business', not_a_parameter: 'x' };

describe('simulate: what the customer reads', () => {
  it('routed with an agent online: initial (every language), engaged, end engagement, idle', () => {
    const r = run(responding, PAYLOAD);
    expect(r.run.outcome.kind).toBe('routed');
    const queue = (r.run.outcome as { queue: string }).queue;
    expect(customerLines(r.customer!).slice(0, 6)).toEqual([
      'What the customer reads:',
      '  when the conversation starts: InitialResponse (en_US) "Thanks, we are finding an agent."',
      '  when the conversation starts: InitialResponse (de) "Danke, wir suchen einen Mitarbeiter."',
      `  when an agent of queue ${queue} accepts the work: AgentEngagedResponse (en_US) "An agent has joined."`,
      '  when the agent ends the conversation: no AgentEndEngagementResponse on the channel',
      '  when the customer is silent for 10 minutes: EndUserIdleResponse (en_US) "Are you still there?"'
    ]);
  });

  it('no agent online, whenNoAgent wait: the customer waits and reads no engaged response', () => {
    const waiting = projectWith((c) => {
      c.fallback!.whenNoAgent = 'wait';
      c.channel!.autoResponses = [{ type: 'agentEngaged', language: 'en_US', text: 'An agent has joined.' }];
    });
    const r = run(waiting, PAYLOAD, { scenario: scenario({ defaultAgents: 0 }) });
    expect(r.customer!.moments.map((m) => m.type)).not.toContain('AgentEngagedResponse');
    expect(r.customer!.moments[1].when).toMatch(/^no agent of queue \w+ is online: the customer waits/);
  });

  it('no agent online, whenNoAgent case: the Case goes back to the vendor and no agent response comes', () => {
    const r = run(responding, PAYLOAD, { scenario: scenario({ defaultAgents: 0 }) });
    expect(r.run.outcome.kind).toBe('case');
    expect(r.customer!.moments.map((m) => m.type)).toEqual(['InitialResponse', '', 'EndUserIdleResponse']);
    expect(r.customer!.moments[1].when).toMatch(/^Case \d+ is created and the conversation goes back to the vendor/);
  });

  it('a file upload re-sends the accepted routing attributes, and the dropped ones are dropped again', () => {
    const r = run(responding, PAYLOAD);
    const f = r.customer!.fileUpload;
    expect(f.allowed).toBe(true);
    expect(f.detail).toMatch(/^file uploads are on \(pdf, png, up to 5 MB\)/);
    expect(f.resent.map((x) => x.key).sort()).toEqual(['_email', 'plan']);
    expect(f.resent.find((x) => x.key === 'plan')?.value).toBe('business');
    expect(f.dropped).toEqual(['not_a_parameter']);
  });

  it('with uploads off, nothing is re-sent', () => {
    const off = projectWith((c) => {
      c.channel!.attachments = { enabled: false };
    });
    const r = run(off, PAYLOAD);
    expect(r.customer!.fileUpload).toEqual({
      allowed: false,
      detail:
        'file uploads are off on the channel (isAttachmentUploadEnabled false): the customer cannot send a file, so nothing is re-sent',
      resent: [],
      dropped: []
    });
  });
});
