/**
 * The LWC build manifest: `npm run build:lwc` (bin/build-lwc.js) records the SHA-256 of every file
 * under lwc-ts/ and of every compiled file it leaves in force-app/main/default/lwc, with the
 * TypeScript version and a hash of the build script. `handoff validate` tells whether the compiled
 * LWCs are current by hashing the same files and comparing (milliseconds), not by compiling (seconds).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const LWC_MANIFEST_FILE = 'lwc-ts/build-manifest.json';
export const LWC_SOURCES_DIR = 'lwc-ts';
export const LWC_OUTPUT_DIR = 'force-app/main/default/lwc';
export const LWC_BUILD_SCRIPT = 'bin/build-lwc.js';
const MANIFEST_VERSION = 1;

export interface LwcManifest {
  version: number;
  /** The TypeScript version that compiled the outputs. */
  typescript: string;
  /** SHA-256 of bin/build-lwc.js. */
  builder: string;
  /** Project-relative path → SHA-256, every file under lwc-ts/ but the manifest. */
  sources: Record<string, string>;
  /** Project-relative path → SHA-256, every file under force-app/main/default/lwc. */
  outputs: Record<string, string>;
}

export interface LwcDifference {
  file: string;
  kind: 'source-changed' | 'source-added' | 'source-removed' | 'stale' | 'missing' | 'extra' | 'typescript' | 'builder';
  detail?: string;
}

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Project-relative paths of the files under `dir` (skipping node_modules and dot entries), sorted. */
function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(abs, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

function hashes(root: string, files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) out[f] = sha256(fs.readFileSync(path.join(root, f)));
  return out;
}

/**
 * The TypeScript version build:lwc would compile with, read from its package.json (without loading
 * the compiler): the project's own, else the kit's (a project beside the kit's install).
 */
export function typescriptVersion(root: string): string {
  for (const resolve of [
    () => require.resolve('typescript/package.json', { paths: [root] }),
    () => require.resolve('typescript/package.json')
  ]) {
    try {
      return (JSON.parse(fs.readFileSync(resolve(), 'utf8')) as { version: string }).version;
    } catch {
      // try the next
    }
  }
  return 'not installed';
}

/** The manifest of the project's sources and compiled LWCs as they are on disk now. */
export function currentLwcManifest(root: string): LwcManifest {
  const builder = path.join(root, LWC_BUILD_SCRIPT);
  return {
    version: MANIFEST_VERSION,
    typescript: typescriptVersion(root),
    builder: fs.existsSync(builder) ? sha256(fs.readFileSync(builder)) : '',
    sources: hashes(
      root,
      filesUnder(root, LWC_SOURCES_DIR).filter((f) => f !== LWC_MANIFEST_FILE)
    ),
    outputs: hashes(root, filesUnder(root, LWC_OUTPUT_DIR))
  };
}

/** The manifest on disk, or undefined when there is none (or it is not one). */
export function readLwcManifest(root: string): LwcManifest | undefined {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(root, LWC_MANIFEST_FILE), 'utf8')) as LwcManifest;
    return raw.version === MANIFEST_VERSION && raw.sources && raw.outputs ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function writeLwcManifest(root: string, manifest: LwcManifest): void {
  fs.writeFileSync(path.join(root, LWC_MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

/** Every way the files on disk differ from what the manifest recorded at the last build. */
export function compareLwcManifest(recorded: LwcManifest, current: LwcManifest): LwcDifference[] {
  const diffs: LwcDifference[] = [];
  if (recorded.typescript !== current.typescript)
    diffs.push({
      file: LWC_MANIFEST_FILE,
      kind: 'typescript',
      detail: `${recorded.typescript} → ${current.typescript}`
    });
  if (recorded.builder !== current.builder) diffs.push({ file: LWC_BUILD_SCRIPT, kind: 'builder' });
  const compare = (
    was: Record<string, string>,
    now: Record<string, string>,
    kinds: [LwcDifference['kind'], LwcDifference['kind'], LwcDifference['kind']]
  ): void => {
    for (const f of [...new Set([...Object.keys(was), ...Object.keys(now)])].sort()) {
      if (!(f in now)) diffs.push({ file: f, kind: kinds[2] });
      else if (!(f in was)) diffs.push({ file: f, kind: kinds[1] });
      else if (was[f] !== now[f]) diffs.push({ file: f, kind: kinds[0] });
    }
  };
  compare(recorded.sources, current.sources, ['source-changed', 'source-added', 'source-removed']);
  compare(recorded.outputs, current.outputs, ['stale', 'extra', 'missing']);
  return diffs;
}
