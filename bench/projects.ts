/**
 * Throw-away copies of the shipped project for the benches, as a clone has them (the committed
 * Apex verdicts and LWC manifest included), each with its own node_modules of links to the
 * project's packages, so a cache under node_modules/.cache is the copy's own and can be emptied.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HandoffConfig } from '../scripts/config/types';

export const ROOT = path.resolve(__dirname, '../..');

/** The project the copies are made from: this one, or another checkout (`--project DIR`, for a before/after). */
let source = ROOT;
export function copyFrom(dir: string): void {
  source = path.resolve(dir);
}

/** The example config with `attributes` attributes (the example's own first, then synthetic ones). */
export function syntheticConfig(attributes: number): HandoffConfig {
  const base = JSON.parse(fs.readFileSync(path.join(source, 'handoff.config.json'), 'utf8')) as HandoffConfig;
  const groups = ['Customer', 'Conversation', 'Location', 'Other'] as const;
  const extra = Array.from({ length: Math.max(0, attributes - base.attributes!.length) }, (_, i) => ({
    key: `conversation_custom_data_Synthetic Attribute ${i}`,
    label: `Synthetic ${i}`,
    group: groups[i % 4]
  }));
  return { ...base, attributes: [...base.attributes!, ...extra] };
}

export function scratchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A scratch folder in memory (/dev/shm) where the machine has one, else in the temp folder. For the
 * rows that write 20,000 files: on a disk mounted with `discard` (this CI machine's ext4), plain Node
 * took 0.8–13.7 s to create 20,000 small files, run to run, which buried the kit's own time.
 */
export function memoryScratchDir(prefix: string): string {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    return fs.mkdtempSync(path.join(shm, prefix));
  } catch {
    return scratchDir(prefix);
  }
}

/** A node_modules of links to the project's packages, without the shared .cache. */
function linkModules(dir: string): void {
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === '.cache') continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
  }
}

const COPIED = [
  'sfdx-project.json',
  'handoff.config.json',
  'handoff.verdicts.json',
  'handoff.build.json',
  'lwc-ts',
  'bin/build-lwc.js'
];

/** A copy of the project; with `config`, handoff.config.json replaced and force-app/generated left out (build writes it). */
export function projectCopy(dir: string, config?: HandoffConfig): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of COPIED) {
    const from = path.join(source, f);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, f), { recursive: true });
  }
  fs.cpSync(path.join(source, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  if (config) fs.writeFileSync(path.join(dir, 'handoff.config.json'), JSON.stringify(config, null, 2));
  else fs.cpSync(path.join(source, 'force-app/generated'), path.join(dir, 'force-app/generated'), { recursive: true });
  linkModules(dir);
  return dir;
}

/** Empties what a validator may have cached in the copy (a fresh clone has none of it). */
export function emptyCaches(dir: string): void {
  fs.rmSync(path.join(dir, 'node_modules', '.cache'), { recursive: true, force: true });
}
