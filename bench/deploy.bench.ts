/**
 * `handoff deploy` of the example project against the loopback org emulator, through jsforce:
 * wall time of the whole phased deploy (zips built by SDR, 9 deploys, polls, post-deploy steps)
 * and the HTTP requests each phase costs. Polls are 1 ms apart here; against an org the polling
 * pace (1 s, ×1.5, ≤ 10 s) dominates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDeploy } from '../scripts/commands/deploy';
import { createOutput } from '../scripts/cli/output';
import { generateFromConfig, writeGenerated } from '../scripts/generate/build';
import { OrgEmulator } from '../test/emulator/server';
import { registerRest } from '../test/emulator/rest';
import { medianMs, type BenchRow } from './measure';

const ROOT = path.join(__dirname, '..', '..');

function exampleProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-deploy-bench-'));
  fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  fs.cpSync(path.join(ROOT, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  writeGenerated(
    generateFromConfig(path.join(ROOT, 'handoff.config.json')).files,
    path.join(dir, 'force-app/generated')
  );
  return dir;
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const project = exampleProject();
  const emu = await OrgEmulator.start({ plugins: [registerRest] });
  try {
    const env = {
      SF_CLIENT_ID: 'emulator-client-id',
      SF_CLIENT_SECRET: 'emulator-client-secret',
      SF_LOGIN_URL: emu.url
    };
    const perPhase: Array<{ phase: string; at: number }> = [];
    const silent = { write: () => true } as never;
    const out = createOutput(false, { out: silent, err: silent });
    const deploy = () =>
      runDeploy(
        {
          argv: [],
          root: project,
          out: {
            ...out,
            progress: (line) => {
              const m =
                /^\[\d+\/\d+\] (\w+):/.exec(line) ?? (line === 'Post-deploy steps:' ? [line, 'post-deploy'] : null);
              if (m) perPhase.push({ phase: m[1], at: emu.count() });
            }
          }
        },
        { env, poll: { initialMs: 1 } }
      );
    report({
      name: 'deploy example (9 phases + post-deploy)',
      value: await medianMs(deploy, 3),
      unit: 'ms',
      note: 'emulator, polls 1 ms apart'
    });
    // Requests of one more (idempotent) deploy, per phase.
    perPhase.length = 0;
    emu.resetCounters();
    await deploy();
    perPhase.push({ phase: 'end', at: emu.count() });
    for (let i = 0; i < perPhase.length - 1; i++) {
      report({ name: `requests: ${perPhase[i].phase}`, value: perPhase[i + 1].at - perPhase[i].at, unit: 'requests' });
    }
    report({
      name: 'requests: whole deploy',
      value: emu.count(),
      unit: 'requests',
      note: `${emu.count('deploy')} deploy, ${emu.count('checkDeployStatus')} status`
    });
  } finally {
    await emu.stop();
    fs.rmSync(project, { recursive: true, force: true });
  }
}
