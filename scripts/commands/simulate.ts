import * as fs from 'node:fs';
import * as path from 'node:path';
import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { SIMULATE_FLAGS } from '../cli/flags/simulate';
import { UsageError, UserError } from '../project/errors';
import { displayPath } from '../project/paths';
import type { Scenario } from '../simulate/flow/actions';
import { parsePayloadBytes, type Payload } from '../simulate/payload';
import { loadSimProject, type SimProject } from '../simulate/project';
import { formatReplay, replay, simulatorFor } from '../simulate/replay';
import { simulate } from '../simulate/simulate';
import { formatTrace } from '../simulate/trace';

const USAGE = `Usage: handoff simulate <payload.json | -> [scenario flags] [--json]
       handoff simulate --replay FILE.jsonl [--compare DIR] [scenario flags] [--json]
       handoff simulate --flow NAME [payload.json | -] [--project DIR] [scenario flags] [--json]

Plays a vendor's hand-off payload through what will be deployed, with no org: the messaging layer
(channel and deployment files: which keys are accepted or dropped and why, truncation) and the
routing flow file itself, against an in-memory org. Prints a trace and the outcome.

Input:
  <payload.json>          the routing attributes as the vendor sends them ({"key": "value", …}, or a
                          captured conversation request body with "routingAttributes"); - reads stdin
${flagLines(SIMULATE_FLAGS, { column: 26, group: 'input' })}

Scenario:
${flagLines(SIMULATE_FLAGS, { column: 26, group: 'scenario' })}

Project:
${flagLines(SIMULATE_FLAGS, { column: 26, group: 'project' })}

Exit codes: 0 routed or Case created, 1 dropped or an error in the project, 2 usage.
See docs/simulate.md.
`;

export function readInput(file: string): { bytes: Buffer; source: string } {
  if (file === '-') return { bytes: fs.readFileSync(0), source: '<stdin>' };
  try {
    return { bytes: fs.readFileSync(file), source: displayPath(path.resolve(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`
    );
  }
}

function scenarioFrom(
  values: { agents?: string[]; 'no-agents'?: boolean; hours?: string; 'end-conversation'?: string },
  project: SimProject
): Scenario {
  const hours = values.hours ?? 'open';
  if (hours !== 'open' && hours !== 'closed')
    throw new UsageError(`handoff simulate: --hours takes open or closed, not "${hours}".`);
  const endConversation = values['end-conversation'] ?? 'accepted';
  if (endConversation !== 'accepted' && endConversation !== 'refused')
    throw new UsageError(`handoff simulate: --end-conversation takes accepted or refused, not "${endConversation}".`);
  const agents = new Map<string, number>();
  const known = project.queues.map((q) => q.developerName);
  for (const spec of values.agents ?? []) {
    const m = /^([^=]+)=(\d{1,6})$/.exec(spec);
    if (!m) throw new UsageError(`handoff simulate: --agents takes QUEUE=N (e.g. Handoff_General=2), not "${spec}".`);
    if (!known.includes(m[1]))
      throw new UsageError(
        `handoff simulate: --agents names "${m[1]}", which is not a queue in force-app (queues: ${known.join(', ') || 'none'}).`
      );
    agents.set(m[1], Number(m[2]));
  }
  return { agents, defaultAgents: values['no-agents'] ? 0 : 1, hours, endConversation };
}

export const command: Command = {
  name: 'simulate',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values, positionals } = parseFlags('simulate', argv, SIMULATE_FLAGS, true);
    if (values.replay && positionals.length)
      throw new UsageError('handoff simulate: give either a payload file or --replay, not both.');
    if (values.flow !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/.test(values.flow))
      throw new UsageError(`handoff simulate: --flow takes a flow API name (e.g. Route_Chats), not "${values.flow}".`);
    if (!values.replay && positionals.length !== 1 && !(values.flow && positionals.length === 0))
      throw new UsageError(
        'handoff simulate: give one payload file (or - for stdin), or --replay FILE.jsonl. See `handoff simulate --help`.'
      );
    if (values.compare && !values.replay)
      throw new UsageError('handoff simulate: --compare works with --replay FILE.jsonl.');
    if (values.contact !== undefined && !/^[^\s@]+@[^\s@]+$/.test(values.contact))
      throw new UsageError(`handoff simulate: --contact takes an email address, not "${values.contact}".`);

    const projectDir = values.project ? path.resolve(values.project) : root;
    const project = loadSimProject(projectDir, { deployment: values.deployment, flow: values.flow });
    const scenario = scenarioFrom(values, project);
    const sim = simulatorFor(project);
    const earlier: Payload | undefined = values['earlier-session']
      ? (() => {
          const { bytes, source } = readInput(values['earlier-session']);
          return parsePayloadBytes(bytes, source);
        })()
      : undefined;
    const opts = {
      scenario,
      earlier,
      contactEmail: values.contact,
      platformKey: values['platform-key'],
      tracing: true
    };

    if (values.replay) {
      const { bytes, source } = readInput(values.replay);
      const against = values.compare
        ? {
            label: displayPath(path.resolve(values.compare)),
            sim: simulatorFor(loadSimProject(values.compare, { deployment: values.deployment, flow: values.flow }))
          }
        : undefined;
      out.progress(`Replaying ${source}…`);
      const summary = replay(bytes, source, sim, opts, against);
      // Nothing replayed is nothing checked: a pretty-printed payload or an empty file must not pass CI.
      if (!summary.payloads) throw noPayloadLines(source, summary.badLines);
      for (const line of formatReplay(summary, displayPath(project.sourceDir)).trimEnd().split('\n')) out.log(line);
      return { exitCode: summary.projectErrors.length || summary.outcomes.dropped ? 1 : 0, result: summary };
    }

    const payload: Payload = positionals.length
      ? (() => {
          const { bytes, source } = readInput(positionals[0]);
          return parsePayloadBytes(bytes, source);
        })()
      : parsePayloadBytes(Buffer.from('{}'), '<no payload>');
    const result = simulate(sim, payload, opts);
    for (const line of formatTrace(result, project).trimEnd().split('\n')) out.log(line);
    return {
      exitCode: result.run.outcome.kind === 'dropped' ? 1 : 0,
      result: {
        project: {
          sourceDir: displayPath(project.sourceDir),
          deployment: project.deployment?.developerName ?? null,
          channel: project.channel?.developerName ?? null,
          flow: project.flow.apiName
        },
        ...result
      }
    };
  }
};

/** --replay read no payload at all: what the file is instead, and what --replay takes. */
function noPayloadLines(source: string, badLines: number): UserError {
  return new UserError(
    `${source}: no line is a payload to replay (${badLines ? `none of its ${badLines} non-empty line${badLines === 1 ? ' is' : 's is'} a JSON object of routing attributes` : 'it has no non-empty line'}).`,
    [
      '--replay takes JSON Lines: one payload per line, e.g. {"_email": "a@example.com", "plan": "pro"}.',
      'One payload in a file of its own (pretty-printed JSON) is `handoff simulate FILE`, without --replay.'
    ]
  );
}
