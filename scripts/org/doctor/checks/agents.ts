/**
 * Agents: can anyone take the work? Every routing queue needs an active member with the Enhanced Chat
 * User licence, the agent permission set (which grants Enhanced Chat Rep and the hand-off presence
 * status) and the presence configuration (help.salesforce.com `service.miaw_prepare_users`;
 * contract.ts AGENT_ACCESS). Each failing check names the member and exactly what they lack, with the
 * command that fixes it.
 */
import { AGENT_ACCESS } from '../../../contract';
import type { HandoffModel } from '../../../model/types';
import { pass, type Check } from '../check';
import type { AgentSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'Agents';
const DEPLOY_FIX = 'Run `handoff deploy` (the generated metadata carries it).';

/** What one queue member lacks, in the words of the fix; empty when they can take the work. */
export function lacks(s: AgentSnapshot, userId: string): string[] {
  const u = s.users.get(userId);
  if (!u) return ['is not a user'];
  const out: string[] = [];
  if (!u.active) out.push('is inactive');
  if (!s.licenced.has(userId)) out.push(`the ${AGENT_ACCESS.licenceLabel} licence (${AGENT_ACCESS.licence})`);
  if (!s.assigned.has(userId)) out.push('the agent permission set');
  if (!s.presenceConfigUsers.has(userId)) out.push('the presence configuration');
  return out;
}

/** The agent permission set and the presence configuration, which every member needs. */
function access(model: HandoffModel, s: AgentSnapshot): Check[] {
  const ps = model.permissionSets.agent.name;
  const config = model.presenceConfig.developerName;
  const fail = (id: string, message: string, fix: string): Check => ({ id, group: G, status: 'fail', message, fix });
  return [
    s.grantsPermission
      ? pass(G, 'agents.permission', `${ps} grants Enhanced Chat Rep`)
      : fail(
          'agents.permission',
          s.grantsPermission === undefined
            ? `Permission set ${ps} is not in the org`
            : `${ps} does not grant Enhanced Chat Rep (${AGENT_ACCESS.userPermission}): agents cannot take messaging work`,
          DEPLOY_FIX
        ),
    s.presenceStatusGranted
      ? pass(G, 'agents.presenceStatus', `${ps} gives access to a presence status`)
      : fail(
          'agents.presenceStatus',
          `${ps} gives no presence status: agents cannot go online`,
          'Run `handoff seed` (it grants the hand-off presence status), or `handoff deploy`.'
        ),
    s.presenceConfigExists
      ? pass(G, 'agents.presenceConfig', `Presence configuration ${config} exists`)
      : fail('agents.presenceConfig', `Presence configuration ${config} is not in the org`, DEPLOY_FIX)
  ];
}

/** One queue's members: someone ready, nobody at all, or each member with what they lack. */
function queueStaffed(queue: string, members: string[], s: AgentSnapshot): Check {
  const id = `agents.queue.${queue}`;
  const userMembers = members.filter((m) => s.users.has(m));
  const username = (m: string): string => s.users.get(m)!.username;
  const ready = userMembers.filter((m) => !lacks(s, m).length);
  if (ready.length)
    return pass(G, id, `${queue}: ${ready.length} member(s) can take the work (${ready.map(username).join(', ')})`);
  if (!userMembers.length)
    return {
      id,
      group: G,
      status: 'fail',
      message: `${queue} has no members: nobody is offered its conversations`,
      fix: `Name agents for it in users.agents (or \`handoff seed --agents user@acme.com:${queue}\`) and run \`handoff seed\`.`
    };
  const details = userMembers.map((m) => `${username(m)} lacks ${lacks(s, m).join(', ')}`);
  return {
    id,
    group: G,
    status: 'fail',
    message: `No member of ${queue} can take the work: ${details.join('; ')}`,
    fix: `Run \`handoff seed --agents ${userMembers.map((m) => `${username(m)}:${queue}`).join(',')}\` (it assigns the licence, the permission set and the presence configuration); an inactive user must be reactivated in Setup → Users.`
  };
}

export const agents: CheckFamily = {
  name: 'agents',
  checks(model, snapshot) {
    const s = snapshot.agents;
    const out = access(model, s);
    for (const q of model.queues) {
      const members = s.members.get(q.developerName);
      // The queue itself is missing: the queues family reports it.
      if (members) out.push(queueStaffed(q.developerName, members, s));
    }
    return out;
  }
};
