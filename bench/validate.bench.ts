/**
 * `handoff validate` on the shipped example and on a 1,000-attribute project, side by side with
 * source-deploy-retrieve converting the same tree to metadata format (what `sf project convert
 * source` does). Validate times are in-process medians with a warm Apex parse cache (the normal
 * developer loop), plus one cold run without the cache and the whole CLI process on the example.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from '../scripts/generate/build';
import { checkDrift } from '../scripts/generate/build';
import { validate } from '../scripts/validate/index';
import { syntheticConfig } from './build.bench';
import { medianMs, type BenchRow } from './measure';

const ROOT = path.join(__dirname, '..', '..');

async function sdrConvert(root: string, out: string): Promise<void> {
  const { ComponentSet, MetadataConverter } = await import('@salesforce/source-deploy-retrieve');
  const dirs = (
    JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories: { path: string }[];
    }
  ).packageDirectories.map((d) => path.join(root, d.path));
  fs.rmSync(out, { recursive: true, force: true });
  const set = ComponentSet.fromSource({ fsPaths: dirs });
  await new MetadataConverter().convert(set, 'metadata', {
    type: 'directory',
    outputDirectory: out,
    genUniqueDir: false
  });
}

async function compare(label: string, root: string, scratch: string, report: (row: BenchRow) => void): Promise<void> {
  const result = await validate({ root, checkDrift });
  const files = result.files;
  if (result.findings.length)
    report({ name: `validate ${label}: findings (expected 0)`, value: result.findings.length, unit: 'findings' });
  const warm = await medianMs(() => validate({ root, checkDrift }), 5);
  const t0 = process.hrtime.bigint();
  await validate({ root, cache: false, checkDrift });
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  const sdr = await medianMs(() => sdrConvert(root, path.join(scratch, `sdr-${label.replace(/\W+/g, '-')}`)), 3);
  report({ name: `validate ${label} (${files} files, warm cache)`, value: warm, unit: 'ms' });
  report({ name: `validate ${label} (no cache: every Apex class parsed)`, value: cold, unit: 'ms' });
  report({ name: `SDR convert ${label} (sf project convert source)`, value: sdr, unit: 'ms' });
  report({ name: `validate/SDR ratio ${label} (warm)`, value: Number((warm / sdr).toFixed(2)), unit: 'x' });
  report({ name: `validate/SDR ratio ${label} (no cache)`, value: Number((cold / sdr).toFixed(2)), unit: 'x' });
}

export async function run(report: (row: BenchRow) => void): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-validate-'));
  try {
    await compare('example', ROOT, scratch, report);
    const cli = path.join(ROOT, 'bin', 'handoff.js');
    if (fs.existsSync(path.join(ROOT, 'dist', 'scripts', 'commands', 'validate.js'))) {
      const process1 = await medianMs(() => {
        try {
          execFileSync(process.execPath, [cli, 'validate', '--json'], { cwd: ROOT, stdio: 'pipe' });
        } catch {
          // exit 1 (findings) still measures the run
        }
      }, 3);
      report({ name: 'handoff validate example (whole CLI process, warm cache)', value: process1, unit: 'ms' });
    }

    // A 1,000-attribute project: the example's hand-written code plus what build generates.
    const big = path.join(scratch, 'big');
    fs.mkdirSync(big, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(big, 'sfdx-project.json'));
    fs.cpSync(path.join(ROOT, 'force-app', 'main'), path.join(big, 'force-app', 'main'), { recursive: true });
    const configFile = path.join(big, 'handoff.config.json');
    fs.writeFileSync(configFile, JSON.stringify(syntheticConfig(1000)));
    build(configFile, path.join(big, 'force-app', 'generated'));
    await compare('1,000 attributes', big, scratch, report);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
