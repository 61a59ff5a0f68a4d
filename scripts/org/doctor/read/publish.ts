/**
 * What the kit last published (the local publish-state file) and, when there is such a record, the
 * org's deployment as it is now (1 Metadata API read), fingerprinted the way the publish recorded it.
 */
import type { HandoffModel } from '../../../model/types';
import type { OrgCaller } from '../../doctorSoql';
import { deploymentFingerprint, lastPublish } from '../../publishState';
import type { PublishSnapshot } from '../snapshot';
import type { DoctorOptions } from './options';

export async function readPublish(org: OrgCaller, model: HandoffModel, opts: DoctorOptions): Promise<PublishSnapshot> {
  const name = model.deployment.developerName;
  const record = lastPublish(opts.root, opts.orgId, name);
  if (!record) return {};
  // The raw answer, as the publish fingerprinted it (a missing component included).
  const meta = await org.call('Metadata read EmbeddedServiceConfig', (conn) =>
    conn.metadata.read('EmbeddedServiceConfig' as never, name)
  );
  return { record, orgFingerprint: deploymentFingerprint(meta) };
}
