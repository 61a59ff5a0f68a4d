import { flagLines, parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { SEED_FLAGS } from '../cli/flags/seed';
import type { SeedReport } from '../org/seed';
import { resolveAgents } from '../model/resolve';
import type { HandoffModel, ResolvedAgent } from '../model/types';
import { closest } from '../config/closest';
import { UsageError } from '../project/errors';

const USAGE = `Usage: handoff seed [-o ALIAS] [--agents u1,u2] [--integration-user USER] [--rotate-token] [--dry-run] [--config FILE] [--json]

Writes the org data a deploy cannot carry, and only what differs (a second run changes nothing):
  - the Handoff_Settings__mdt.Default record (organisation id, timeout and attempts from the config);
  - the End Conversation token on the External Credential's named principal (Connect API), from the
    environment variable named by endConversation.tokenEnv (default HANDOFF_ESCALATION_TOKEN; never
    from a file). A token already set is kept unless --rotate-token;
  - permission set assignments: agents get the agent set, the integration user the integration set
    (sObject Collections, 200 a call);
  - agents: the Enhanced Chat User licence, membership of their queues, the agent permission set
    (Enhanced Chat Rep), the hand-off presence configuration;
  - the agents' access to the hand-off presence status;
  - the Run-As user of the vendor's External Client App (its client credentials flow), set in the
    app's OAuth policies: org-specific, so never in source. The Consumer Key and Secret are never
    read or printed: seed says where in Setup the admin copies them for the vendor.

Flags:
${flagLines(SEED_FLAGS, { column: 27, json: 'one JSON document on stdout' })}

Exit codes: 0 done (or nothing to do), 1 a problem (unknown user, token missing, a write failed), 2 usage.
`;

/** `--agents a@x.com:Queue_A+Queue_B,b@x.com`: a username alone takes every queue. */
function agentsFlag(v: string | undefined, model: HandoffModel): ResolvedAgent[] | undefined {
  const items = list(v);
  if (!items) return undefined;
  const known = model.queues.map((q) => q.developerName);
  const agents = items.map((item) => {
    const [username, queues] = item.split(':');
    const named = (queues ?? '').split('+').filter(Boolean);
    const unknown = named.filter((q) => !known.includes(q));
    if (unknown.length) {
      const hint = unknown.length === 1 ? closest(unknown[0], known) : undefined;
      throw new UsageError(
        `handoff seed: --agents names queue ${unknown.join(', ')}, which is not in the config's queues (${known.join(', ')}).${hint ? ` Did you mean ${hint}?` : ''}`
      );
    }
    return named.length ? { username, queues: named } : username;
  });
  return resolveAgents(agents, model.queues);
}

const list = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function printPlan(r: SeedReport, log: (line: string) => void): void {
  if (r.settings) {
    const s = r.settings;
    log(
      `Settings ${s.fullName}: ${!s.write ? 'up to date' : s.exists ? (r.dryRun ? 'would be updated' : 'updated') : r.dryRun ? 'would be created' : 'created'}`
    );
    for (const f of s.fields) {
      if (f.action === 'unchanged') log(`  ${f.field}: unchanged`);
      else log(`  ${f.field}: ${f.from !== undefined ? `${f.from} → ` : ''}${f.to ?? ''}`);
    }
  } else log('Settings: no endConversation in the config, nothing to store');
  if (r.credential) {
    const c = r.credential;
    const what = {
      unchanged: 'set (kept)',
      set: r.dryRun ? `would be set from ${c.tokenEnv}` : `set from ${c.tokenEnv}`,
      rotate: r.dryRun ? `would be replaced from ${c.tokenEnv}` : `replaced from ${c.tokenEnv}`,
      missing: `not set (set ${c.tokenEnv})`
    }[c.action];
    log(`Token of ${c.externalCredential}-${c.principal}: ${what}`);
  }
  const a = r.assignments;
  log(
    `Permission set assignments: ${a.alreadyAssigned} in place, ${a.toCreate.length} ${r.dryRun ? 'to create' : `created (${a.created} ok)`}`
  );
  for (const c of a.toCreate.slice(0, 20)) log(`  + ${c.permissionSet} → ${c.username}`);
  if (a.toCreate.length > 20) log(`  … and ${a.toCreate.length - 20} more`);
  const ag = r.agents;
  log(
    `Agents (${ag.licence}, queue membership, presence configuration ${ag.presenceConfig}): ${ag.alreadyInPlace} in place, ${ag.toCreate.length} ${r.dryRun ? 'to create' : `created (${ag.created} ok)`}`
  );
  for (const c of ag.toCreate.slice(0, 20)) log(`  + ${c.what} → ${c.username}`);
  if (ag.toCreate.length > 20) log(`  … and ${ag.toCreate.length - 20} more`);
  const i = r.integration;
  if (i) {
    const state =
      i.state === 'set'
        ? `Run-As user ${i.user}`
        : i.state === 'update'
          ? `Run-As user ${i.current ? `${i.current} → ` : ''}${i.user}${r.dryRun ? ' (would be set)' : i.failed ? ' (failed)' : ' (set now)'}`
          : i.state === 'no-user'
            ? `no Run-As user given (--integration-user)${i.current ? `; the org has ${i.current}` : ''}`
            : 'OAuth policies missing (deploy first)';
    log(`External Client App ${i.app}: ${state}`);
    log(`  Consumer Key and Secret for the vendor (never read by the kit): ${i.credentialsAt}`);
  }
  const p = r.presence;
  log(
    `Presence status ${p.status} for ${p.permissionSet}: ${
      p.state === 'granted'
        ? 'granted'
        : p.state === 'grant'
          ? r.dryRun
            ? 'would be granted'
            : 'granted now'
          : p.state === 'status-missing'
            ? 'status missing'
            : 'permission set missing'
    }`
  );
  log(seedOutcome(r));
  for (const p2 of r.problems) log(`✖ ${p2}`);
}

/**
 * The line under the plan. "Already seeded" only when nothing is to change and nothing failed: an
 * org where a step cannot run (nothing deployed yet) is not seeded, and the ✖ lines below say why.
 */
export function seedOutcome(r: SeedReport): string {
  const n = r.problems.length;
  const problems = n === 1 ? 'the problem below' : `the ${n} problems below`;
  if (!r.changed && n) return `Not seeded: ${problems} ${n === 1 ? 'blocks' : 'block'} it.`;
  if (!r.changed) {
    const gaps = seedGaps(r);
    return gaps.length ? `Nothing to change, but not yet seeded: ${gaps.join('; ')}.` : ALREADY_SEEDED;
  }
  if (r.dryRun)
    return n
      ? `Dry run: nothing written; without --dry-run the plan above would be applied as far as ${problems} ${n === 1 ? 'allows' : 'allow'}.`
      : 'Dry run: nothing written; the plan above would be applied without --dry-run.';
  return `Done: ${r.writes} write call(s)${n ? `; ${problems} remain${n === 1 ? 's' : ''}` : ''}.`;
}

const ALREADY_SEEDED = 'Nothing to change: the org is already seeded.';

/**
 * What a run without agents or a Run-As user leaves unseeded although nothing failed: not errors
 * (the admin may add them later), but `handoff doctor` fails on both, so "already seeded" would mislead.
 */
function seedGaps(r: SeedReport): string[] {
  const gaps: string[] = [];
  if (!r.agents.alreadyInPlace && !r.agents.toCreate.length)
    gaps.push('no agents (--agents, or users.agents in the config)');
  if (r.integration?.state === 'no-user' && !r.integration.current)
    gaps.push(
      `no Run-As user for the External Client App ${r.integration.app} (--integration-user, or users.integrationUser)`
    );
  return gaps;
}

export const command: Command = {
  name: 'seed',
  usage: USAGE,
  async run({ argv, org, out, root }) {
    const { values } = parseFlags('seed', argv, SEED_FLAGS);
    // Org code loads here, not at the top: `handoff seed --help` loads no org library (issue 15).
    const [{ runSeed }, { loadMiawModel, openOrg }] = await Promise.all([
      import('../org/seed'),
      import('../org/seedModel')
    ]);
    const model = loadMiawModel('seed', root, values.config);
    // A misspelt queue in --agents is a usage error before any org is asked (or a login is attempted).
    const agents = agentsFlag(values.agents, model) ?? model.users.agents;
    const session = await openOrg(values['target-org'], out.progress, org);
    const report = await runSeed(session, model, {
      agents,
      integrationUser: values['integration-user'] ?? model.users.integrationUser,
      dryRun: !!values['dry-run'],
      rotateToken: !!values['rotate-token'],
      env: process.env,
      progress: out.progress
    });
    printPlan(report, (l) => out.log(l));
    return { exitCode: report.problems.length ? 1 : 0, result: report };
  }
};
