/**
 * Reads everything doctor's checks need into one DoctorSnapshot, in a fixed number of calls: every
 * query is batched (one per object, none per attribute), and what grows with the attributes (fields,
 * field permissions) is read through the Metadata API, which does not page, so the count is constant.
 * Each family's reader says its calls; test/org/doctor.test.ts and doctorPaging.test.ts hold the total.
 */
import type { HandoffModel } from '../../../model/types';
import { UserError } from '../../../project/errors';
import { loadProject, SourceProject } from '../../../source/project';
import { readMetaMany, type OrgCaller } from '../../doctorSoql';
import type { DoctorSnapshot } from '../snapshot';
import { readAgentSnapshot } from './agents';
import { readChannel } from './channel';
import { orgChannelSettings, projectChannelSettings } from './channelSettings';
import { readCredentialSnapshot } from './credential';
import { readDeployment } from './deployment';
import { readEndConversation } from './endConversation';
import { readFields } from './fields';
import { projectFlow, readFlow, type Unavailable } from './flow';
import { readIntegration } from './integration';
import type { DoctorOptions } from './options';
import { readPublish } from './publish';
import { readQueues } from './queues';

export type { DoctorOptions } from './options';

/** The project through its package directories, or why it cannot be read (a missing sfdx-project.json). */
function readSource(root: string): SourceProject | Unavailable {
  try {
    return loadProject(root);
  } catch (e) {
    if (e instanceof UserError) return { unavailable: e.message };
    throw e;
  }
}

export async function readDoctorSnapshot(
  org: OrgCaller,
  model: HandoffModel,
  opts: DoctorOptions
): Promise<DoctorSnapshot> {
  const progress = opts.progress ?? (() => undefined);
  progress('Reading the messaging channel and the deployment…');
  const channel = await readChannel(org, model);
  const deployment = await readDeployment(org, model, opts);
  progress('Reading the flow…');
  const flow = await readFlow(org, model);
  progress('Reading fields and field-level security…');
  // Both permission sets in one Metadata read: the fields' access and the credential's principal access.
  const flowPs = model.permissionSets.flow.name;
  const permissionSets = await readMetaMany(org, 'PermissionSet', [model.permissionSets.agent.name, flowPs]);
  const fields = await readFields(org, permissionSets);
  progress('Reading queues…');
  const queues = await readQueues(org, model);
  if (model.endConversation) progress('Reading the End Conversation settings…');
  const endConversation = await readEndConversation(org, model);

  const source = readSource(opts.root);
  return {
    channel: channel.channel,
    deployment: deployment.deployment,
    flow: { ...flow, project: projectFlow(source, model.flow.apiName) },
    fields,
    queues,
    endConversation,
    channelSettings: channel.meta
      ? {
          org: orgChannelSettings(channel.meta, deployment.meta),
          project: source instanceof SourceProject ? projectChannelSettings(source, model) : source
        }
      : undefined,
    credential: await readCredentialSnapshot(org, model, permissionSets.get(flowPs)),
    publish: await readPublish(org, model, opts),
    agents: await readAgentSnapshot(org, model),
    integration: await readIntegration(org, model)
  };
}
