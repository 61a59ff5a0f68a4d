/**
 * The project model and org session that seed, doctor and smoke share: the config through
 * config/load.ts (every problem reported at once) and resolved into names once; the session
 * through connect.ts (-o alias, or the SF_* environment variables).
 */
import { configPath, loadConfig } from '../config/load';
import { resolveModel } from '../model/resolve';
import type { HandoffModel } from '../model/types';
import { connect, type OrgSession } from './connect';

export function loadProjectModel(root: string, configFlag?: string): HandoffModel {
  return resolveModel(loadConfig(configPath(root, configFlag)));
}

/** Connects and reports where, on stderr. `org.orgId` comes from the session's identity URL or a query. */
export async function openOrg(targetOrg: string | undefined, progress: (line: string) => void): Promise<OrgSession> {
  const session = await connect({ targetOrg });
  progress(`Connected to ${session.target}.`);
  return session;
}

/** The 18-character org Id, from the Organization record (one query). */
export async function orgIdOf(session: Pick<OrgSession, 'call'>): Promise<string> {
  const res = (await session.call(
    'query Organization',
    async (c) => await c.query('SELECT Id FROM Organization LIMIT 1')
  )) as { records: Array<{ Id: string }> };
  const id = res.records[0]?.Id;
  if (!id) throw new Error('The org returned no Organization record');
  return id;
}
