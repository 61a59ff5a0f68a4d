/** doctor's calls against the loopback emulator for a config of `attributes` attributes (a count, not a time). */
import { runDoctor } from '../scripts/org/doctor';
import {
  configWithAttributes,
  installModel,
  installRunAsUser,
  model,
  openSession,
  startOrg
} from '../test/org/orgFixture';

export async function doctorCalls(attributes: number): Promise<number> {
  const e = await startOrg();
  try {
    const m = model(configWithAttributes(attributes));
    const root = installModel(e, m);
    const session = await openSession(e);
    installRunAsUser(e, m);
    e.resetCounters();
    await runDoctor(session, m, { root, orgId: e.state.orgId, scrtUrl: e.url });
    return e.count();
  } finally {
    await e.stop();
  }
}
