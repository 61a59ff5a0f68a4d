/**
 * The kit's own platform code (Apex, the settings type, the failure object, the handoffContext LWC, the
 * admin permission set: force-app/main/default of the kit) copied into a user's project, in a folder of
 * its own (`<package dir>/handoff`). `handoff.platform.json` at the project root records the kit
 * version and each file's SHA-256 as installed, so `handoff upgrade` can tell a file the kit changed
 * from a file the user edited, and never overwrites the second kind.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFilesUnder } from './files';
import { kitFile, kitRoot, kitVersion } from './kitRoot';
import { UserError } from './errors';
import { writeFileChecked, mkdirChecked } from './writeFiles';

export const PLATFORM_MANIFEST = 'handoff.platform.json';

export interface PlatformManifest {
  kitVersion: string;
  /** Project-relative folder the code was installed into. */
  dir: string;
  /** Path inside `dir` → SHA-256 (hex) of the content the kit installed. */
  files: Record<string, string>;
}

export type PlatformAction = 'add' | 'update' | 'unchanged' | 'restore' | 'remove' | 'keep-edited' | 'conflict';

export interface PlatformChange {
  file: string;
  action: PlatformAction;
}

/**
 * SHA-256 of a platform file with CRLF read as LF: a Windows checkout (git's core.autocrlf) turns
 * every line ending into CRLF, which is no edit of the user's, and must not keep the kit's files from
 * upgrading. The kit's own files are LF, so the hashes of manifests written before stay valid.
 */
const sha256 = (data: Buffer): string => {
  const lf = data.includes('\r\n') ? Buffer.from(data.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : data;
  return crypto.createHash('sha256').update(lf).digest('hex');
};

/** The kit's platform files: path inside the folder (forward slashes) → absolute source path. */
export function kitPlatformFiles(): Map<string, string> {
  const base = kitFile('force-app', 'main', 'default');
  const skip = (name: string): boolean => name === '__tests__' || name.startsWith('.');
  const out = new Map<string, string>();
  for (const abs of listFilesUnder(base, skip)) {
    if (/\.(ts|map)$/.test(abs) || /(^|\/)(jsconfig|tsconfig)[^/]*\.json$/.test(abs)) continue;
    out.set(path.relative(base, abs).split(path.sep).join('/'), abs);
  }
  return out;
}

/** True when `root` is the kit's own repository: its platform code is already in force-app/main. */
export function isKitRepository(root: string): boolean {
  return path.resolve(root) === path.resolve(kitRoot());
}

export function readManifest(root: string): PlatformManifest | undefined {
  const file = path.join(root, PLATFORM_MANIFEST);
  if (!fs.existsSync(file)) return undefined;
  let manifest: PlatformManifest;
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as PlatformManifest;
    if (typeof m.dir !== 'string' || !m.files || typeof m.files !== 'object') throw new Error('missing dir or files');
    manifest = m;
  } catch (e) {
    throw new UserError(`${PLATFORM_MANIFEST} is not a platform manifest the kit wrote (${(e as Error).message}).`, [
      `Delete ${PLATFORM_MANIFEST} and run \`handoff init\` again; it refuses to overwrite files you changed.`
    ]);
  }
  // upgrade writes and removes files under dir: a hand-edited manifest must not reach outside the project.
  if (!isInside(root, manifest.dir)) {
    throw new UserError(
      `${PLATFORM_MANIFEST} $.dir: "${manifest.dir}" is not a folder inside the project, where the kit's platform code goes.`,
      ['Set "dir" to the folder init installed into, relative to the project root (e.g. "force-app/handoff").']
    );
  }
  const stray = Object.keys(manifest.files).find((f) => !isInside(path.join(root, manifest.dir), f));
  if (stray !== undefined) {
    throw new UserError(`${PLATFORM_MANIFEST} $.files: "${stray}" is not a path inside ${manifest.dir}.`, [
      `Remove that entry; the kit records its files relative to "dir" (e.g. "classes/HandoffEndConversation.cls").`
    ]);
  }
  return manifest;
}

/** Whether `rel` names something strictly below `base` (not base itself, not absolute, no way out with ..). */
function isInside(base: string, rel: string): boolean {
  if (!rel || path.isAbsolute(rel)) return false;
  const inside = path.relative(path.resolve(base), path.resolve(base, rel));
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${path.sep}`) && !path.isAbsolute(inside);
}

function hashOf(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Plans bringing `<root>/<dir>` to the kit's current platform code. Without a manifest (first install)
 * an existing different file is a conflict; with one, a file whose hash differs from the manifest was
 * edited by the user: kept when the kit did not change it, a conflict when it did.
 */
export function planPlatformSync(root: string, dir: string, manifest?: PlatformManifest): PlatformChange[] {
  const kit = kitPlatformFiles();
  const changes: PlatformChange[] = [];
  for (const [file, source] of kit) {
    const next = sha256(fs.readFileSync(source));
    const current = hashOf(path.join(root, dir, file));
    const installed = manifest?.files[file];
    let action: PlatformAction;
    if (current === undefined) action = installed ? 'restore' : 'add';
    else if (current === next) action = 'unchanged';
    else if (installed === undefined) action = 'conflict';
    else if (current === installed) action = 'update';
    else action = installed === next ? 'keep-edited' : 'conflict';
    changes.push({ file, action });
  }
  for (const [file, installed] of Object.entries(manifest?.files ?? {})) {
    if (kit.has(file)) continue;
    const current = hashOf(path.join(root, dir, file));
    if (current === undefined) continue;
    changes.push({ file, action: current === installed ? 'remove' : 'keep-edited' });
  }
  return changes.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Applies a plan (refusing, with the list, when it has conflicts and `force` is not set) and writes the
 * manifest. A conflict with `force` takes the kit's version.
 */
export function applyPlatformSync(
  root: string,
  dir: string,
  changes: PlatformChange[],
  opts: { force?: boolean } = {}
): PlatformManifest {
  const conflicts = changes.filter((c) => c.action === 'conflict');
  if (conflicts.length && !opts.force) {
    throw new UserError(
      `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} in ${dir} differ from what the kit installed and the kit has a new version of ${conflicts.length === 1 ? 'it' : 'them'}:`,
      [
        ...conflicts.map((c) => `${dir}/${c.file}`),
        "Nothing was written. Move your changes out of these files (or keep a copy), then run again with --force to take the kit's version."
      ]
    );
  }
  const kit = kitPlatformFiles();
  const files: Record<string, string> = {};
  for (const c of changes) {
    const target = path.join(root, dir, c.file);
    if (c.action === 'remove') {
      fs.rmSync(target, { force: true });
      continue;
    }
    const source = kit.get(c.file);
    if (!source) continue; // kept-edited file the kit no longer ships: no longer tracked
    const content = fs.readFileSync(source);
    if (c.action !== 'unchanged' && c.action !== 'keep-edited') {
      mkdirChecked(path.dirname(target));
      writeFileChecked(target, content);
    }
    files[c.file] = sha256(content);
  }
  const manifest: PlatformManifest = { kitVersion: kitVersion(), dir, files };
  writeFileChecked(path.join(root, PLATFORM_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
