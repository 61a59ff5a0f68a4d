/**
 * The project model and org session that seed, doctor and smoke share: the config through
 * config/load.ts (every problem reported at once) and resolved into names once; the session
 * through connect.ts (-o alias, or the SF_* environment variables).
 */
import { configPath, loadConfig } from '../config/load';
import { resolveProject } from '../model/resolve';
import { hasMiaw, type HandoffModel, type ProjectModel } from '../model/types';
import { UserError } from '../project/errors';
import { connect, type ConnectOptions, type OrgSession } from './connect';

export function loadProjectModel(root: string, configFlag?: string): ProjectModel {
  return resolveProject(loadConfig(configPath(root, configFlag)));
}

/** The model of a command that acts on the MIAW half (seed's agents and presence, smoke): a clear error without it. */
export function loadMiawModel(command: string, root: string, configFlag?: string): HandoffModel {
  const model = loadProjectModel(root, configFlag);
  if (!hasMiaw(model))
    throw new UserError(
      `handoff ${command}: this project has no MIAW half (mode vendorFlow without "channel"), so there is no channel, flow or queue to act on.`,
      [
        'Add "channel", "deployment", "attributes", "queues", "routing" and "fallback" to handoff.config.json, or run `handoff doctor` for the vendor\'s side.'
      ]
    );
  return model;
}

/** Connects and reports where, on stderr. `org.orgId` comes from the session's identity URL or a query. */
export async function openOrg(
  targetOrg: string | undefined,
  progress: (line: string) => void,
  org?: ConnectOptions['org']
): Promise<OrgSession> {
  const session = await connect({ targetOrg, org });
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
