/**
 * Where `handoff smoke`'s conversation went: the queue that owns the MessagingSession (Route Work
 * sets the owner), the Case the flow linked to it, and whether an agent was offered the work (an
 * AgentWork record for the session: Omni-Channel creates one when it pushes work to an agent, per the
 * Object Reference; `SELECT … FROM AgentWork` is how public setup guides check a hand-off reached a rep).
 */
import { queryAll, soqlString, type OrgCaller } from './doctorSoql';

export interface SmokeRouting {
  /** DeveloperName of the queue that owns the session, when a queue does. */
  queue?: string;
  caseId?: string;
  /** Username of the agent offered the work. */
  offeredTo?: string;
  offered: boolean;
  /** Why this is a failure (not offered), for the checklist. */
  problem?: string;
}

export async function readRouting(
  org: OrgCaller,
  sessionId: string,
  wait: { deadline: number; delayMs: number; sleep: (ms: number) => Promise<void> }
): Promise<SmokeRouting> {
  const out: SmokeRouting = { offered: false };
  let delay = wait.delayMs;
  for (;;) {
    const [work] = await queryAll<{ UserId: string; User?: { Username?: string } }>(
      org,
      `SELECT Id, UserId, User.Username, Status FROM AgentWork WHERE WorkItemId = ${soqlString(sessionId)} LIMIT 1`
    );
    if (work) {
      out.offered = true;
      out.offeredTo = work.User?.Username ?? work.UserId;
      break;
    }
    if (Date.now() + delay > wait.deadline) break;
    await wait.sleep(delay);
    delay = Math.min(delay * 2, 5000);
  }
  const [session] = await queryAll<{ OwnerId?: string | null; CaseId?: string | null }>(
    org,
    `SELECT Id, OwnerId, CaseId FROM MessagingSession WHERE Id = ${soqlString(sessionId)}`
  );
  if (session?.CaseId) out.caseId = session.CaseId;
  if (session?.OwnerId) {
    const [queue] = await queryAll<{ DeveloperName: string }>(
      org,
      `SELECT DeveloperName FROM Group WHERE Type = 'Queue' AND Id = ${soqlString(session.OwnerId)}`
    );
    out.queue = queue?.DeveloperName;
  }
  if (!out.offered)
    out.problem = out.queue
      ? `The conversation waits in queue ${out.queue} and no agent was offered it: run \`handoff doctor\` (queue members need the Enhanced Chat User licence, the agent permission set, a presence status and configuration, and to be online).`
      : out.caseId
        ? `No agent was offered the conversation; the flow created Case ${out.caseId}.`
        : 'No agent was offered the conversation and no queue owns it.';
  return out;
}
