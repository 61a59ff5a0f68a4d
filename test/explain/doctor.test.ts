/** `explain --doctor`: the live org's checks (the emulator here) marked on the chain's links. */
import type { ExplainReport } from '../../scripts/explain/types';
import type { OrgEmulator } from '../emulator/server';
import { editComponent, startOrgInEnvironment } from '../org/orgFixture';
import { runCli } from '../support/cli';
import { makeProject } from './projects';

describe('handoff explain --doctor against the emulator', () => {
  let emu: OrgEmulator;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ emu, stop } = await startOrgInEnvironment());
  });
  afterAll(() => stop());

  it('marks the link the org breaks red, with the doctor check and its fix', async () => {
    // In the org the parameter "plan" lost its mapping; the project's files are intact.
    editComponent(emu, 'MessagingChannel', 'Handoff_Messaging', (x) =>
      x.replace(
        '<actionParameterMappings>\n            <actionParameterName>plan</actionParameterName>\n        </actionParameterMappings>',
        ''
      )
    );
    const dir = makeProject('example');
    const run = await runCli(['explain', '--doctor', '--scrt-url', emu.url, '--json'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout).result as ExplainReport;
    expect(report.doctor).toEqual(expect.objectContaining({ ran: true }));
    const plan = report.chain.find((r) => r.key === 'plan')!;
    const mapping = plan.links.find((l) => l.step === 'mapping')!;
    expect(mapping.ok).toBe(false);
    expect(mapping.findings).toEqual([
      expect.objectContaining({ source: 'doctor', rule: 'channel.mappings', message: expect.stringContaining('plan') })
    ]);
    // Only that attribute is red; the settings check (no token record in this org) is listed apart.
    expect(report.chain.filter((r) => r.links.some((l) => !l.ok)).map((r) => r.key)).toEqual(['plan']);
    expect(report.otherFindings.map((f) => f.rule)).toContain('settings.complete');
  });
});
