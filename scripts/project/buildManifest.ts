/**
 * The build manifest, handoff.build.json beside the config: `handoff build` records the SHA-256 of
 * the config, of the generator code that ran (its compiled modules) and of every file it generated.
 * The validator's freshness rule trusts it when all three still hold (a hash of the files, not a
 * regeneration: at 10,000 attributes regenerating was a third of validate's time and most of its
 * memory), and regenerates to compare whenever one does not (another kit version, the config or a
 * generated file changed, no manifest), so a stale manifest costs time, never a missed finding.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jsonReadError, parseJsonFileText } from './json';
import { kitFile } from './kitRoot';
import { sha256ButForCrlf } from './lineEndings';
import { filePieces, utf8Pieces, type Text } from './writeFiles';

export const BUILD_MANIFEST_FILE = 'handoff.build.json';
const MANIFEST_VERSION = 1;

export interface BuildManifest {
  version: number;
  /** SHA-256 of the generator's modules (generate, model, naming, platform, config, xml) and the config schema. */
  generator: string;
  /** SHA-256 of the config file's bytes. */
  config: string;
  /** Output-relative path → SHA-256 of the generated content. */
  files: Record<string, string>;
  /** The folder the build wrote, relative to the config's folder (forward slashes). */
  outDir?: string;
}

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 of a text's UTF-8 bytes, hashed piece by piece (one 38 MB flow string is one 38 MB copy). */
export function sha256OfText(text: Text): string {
  const hash = createHash('sha256');
  for (const piece of utf8Pieces(text)) hash.update(piece);
  return hash.digest('hex');
}

/** The folders of scripts/ whose code decides what build generates. */
const GENERATOR_DIRS = ['generate', 'model', 'naming', 'platform', 'config', 'xml'];

let fingerprint: string | undefined;
/**
 * A hash of the running generator code (the compiled .js under dist/, or the .ts sources under jest)
 * and of the config's JSON Schema: together what decides both what build generates and whether
 * loadConfig accepts a config (configAcceptedByBuild).
 */
export function generatorFingerprint(): string {
  if (fingerprint) return fingerprint;
  const scriptsRoot = path.join(__dirname, '..');
  const ext = path.extname(__filename);
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(ext) && !e.name.endsWith(`.d${ext}`))
        hash.update(path.relative(scriptsRoot, full)).update('\0').update(fs.readFileSync(full)).update('\0');
    }
  };
  for (const d of GENERATOR_DIRS) walk(path.join(scriptsRoot, d));
  hash
    .update('schemas/handoff.config.schema.json\0')
    .update(fs.readFileSync(kitFile('schemas', 'handoff.config.schema.json')));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

export function manifestFileFor(configFile: string): string {
  return path.join(path.dirname(configFile), BUILD_MANIFEST_FILE);
}

/** Records what a build generated (best effort: a read-only tree still builds). */
export function writeBuildManifest(
  configFile: string,
  files: readonly { path: string; text: Text }[],
  outDir: string
): void {
  const manifest: BuildManifest = {
    version: MANIFEST_VERSION,
    generator: generatorFingerprint(),
    config: sha256(fs.readFileSync(configFile)),
    files: Object.fromEntries(
      [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, sha256OfText(f.text)])
    ),
    outDir: path.relative(path.dirname(configFile), outDir).split(path.sep).join('/')
  };
  try {
    fs.writeFileSync(manifestFileFor(configFile), JSON.stringify(manifest, null, 2) + '\n');
  } catch {
    // the manifest only saves the validator time
  }
}

/**
 * A config file and the manifest beside it, each read (and the config hashed and parsed) at most once,
 * on first use. One run makes one (validate: its rules share it through the RuleContext), never a
 * process: jest runs many validates in one process, and a `handoff build` between two runs rewrites
 * both files. The generator fingerprint is the one thing cached per process: it hashes code, not files
 * a run can change.
 */
export class ConfigAndManifest {
  private configRead?: { bytes: Buffer } | { error: unknown };
  private configSha?: string;
  private parsed?: { value: unknown } | { error: unknown };
  private manifestRead?: { manifest: BuildManifest | undefined };
  /** SHA-256 per generated file (absolute path): validate asks before and after loading the project. */
  private readonly fileHashes = new Map<string, string>();
  /** The same with CR LF read as LF (lineEndings.ts), for the files whose own hash did not match. */
  private readonly crlfHashes = new Map<string, string | undefined>();

  constructor(readonly configFile: string) {}

  /** The config's bytes; undefined when it cannot be read. */
  private configBytes(): Buffer | undefined {
    if (!this.configRead) {
      try {
        this.configRead = { bytes: fs.readFileSync(this.configFile) };
      } catch (error) {
        this.configRead = { error };
      }
    }
    return 'bytes' in this.configRead ? this.configRead.bytes : undefined;
  }

  /** SHA-256 of the config's bytes; undefined when it cannot be read. */
  configHash(): string | undefined {
    const bytes = this.configBytes();
    if (bytes && this.configSha === undefined) this.configSha = sha256(bytes);
    return bytes && this.configSha;
  }

  /** The config parsed as readJsonFile parses it: a UserError naming the file when it cannot be read or parsed. */
  config(): unknown {
    if (!this.parsed) {
      const bytes = this.configBytes();
      try {
        if (!bytes) throw jsonReadError(this.configFile, (this.configRead as { error: unknown }).error);
        this.parsed = { value: parseJsonFileText(this.configFile, bytes.toString('utf8')) };
      } catch (error) {
        this.parsed = { error };
      }
    }
    if ('error' in this.parsed) throw this.parsed.error;
    return this.parsed.value;
  }

  /** SHA-256 of a file's bytes, each file hashed at most once a run. */
  fileHash(file: string): string {
    let hash = this.fileHashes.get(file);
    if (hash === undefined) this.fileHashes.set(file, (hash = sha256OfFile(file)));
    return hash;
  }

  /** SHA-256 of a file with CR LF read as LF, each file hashed so at most once a run; undefined without a CR LF. */
  fileHashButForCrlf(file: string): string | undefined {
    if (!this.crlfHashes.has(file)) this.crlfHashes.set(file, sha256ButForCrlf(file));
    return this.crlfHashes.get(file);
  }

  /** handoff.build.json as the last build wrote it; undefined when there is none or it does not parse. */
  manifest(): BuildManifest | undefined {
    if (!this.manifestRead) {
      let manifest: BuildManifest | undefined;
      try {
        manifest = JSON.parse(fs.readFileSync(manifestFileFor(this.configFile), 'utf8')) as BuildManifest;
      } catch {
        manifest = undefined;
      }
      this.manifestRead = { manifest };
    }
    return this.manifestRead.manifest;
  }
}

/** A ConfigAndManifest for `config`, unless it is one already (callers outside a run pass the path). */
export const configAndManifest = (config: string | ConfigAndManifest): ConfigAndManifest =>
  typeof config === 'string' ? new ConfigAndManifest(config) : config;

/** The folder (absolute) the last recorded build wrote, whatever its state; undefined without a manifest. */
export function recordedOutDir(config: string | ConfigAndManifest): string | undefined {
  const files = configAndManifest(config);
  const outDir = files.manifest()?.outDir;
  return typeof outDir === 'string' ? path.resolve(path.dirname(files.configFile), outDir) : undefined;
}

/**
 * SHA-256 of a file's bytes, read in pieces: the 10,000-attribute flow is 38 MB, and reading whole
 * files raised validate's peak memory by 100 MB (issue 15). The bytes hash as the generated text
 * does when the file is that text, so a match is exact; a file that is not valid UTF-8 only fails
 * to match, and the caller then compares the files themselves.
 */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  for (const piece of filePieces(file)) hash.update(piece);
  return hash.digest('hex');
}

/** The manifest, when a build by this very generator code recorded it for this config's bytes. */
function manifestForThisBuild(files: ConfigAndManifest): BuildManifest | undefined {
  const manifest = files.manifest();
  if (!manifest || manifest.version !== MANIFEST_VERSION || manifest.generator !== generatorFingerprint())
    return undefined;
  const config = files.configHash();
  return config !== undefined && manifest.config === config ? manifest : undefined;
}

/**
 * Whether loadConfig would accept the config without running it: `handoff build` writes the manifest
 * only after loadConfig accepted the config, and the validation depends only on the config's bytes,
 * the code under config/, naming/ and platform/ and the schema, all in the recorded hashes.
 */
export function configAcceptedByBuild(config: string | ConfigAndManifest): boolean {
  return manifestForThisBuild(configAndManifest(config)) !== undefined;
}

/**
 * The recorded build on disk: when the generated folder is what the manifest recorded for this config
 * and this generator code, the files (output-relative, sorted) that are so only once their CRLF line
 * endings are read as LF (a checkout's core.autocrlf), [] when every file is exact; undefined when the
 * folder is not the recorded build (then only regenerating tells what differs). A file is hashed again
 * with CR LF as LF only when its own hash does not match. `onDisk` maps every file under the output
 * folder (output-relative) to its absolute path.
 */
export function recordedBuildButForCrlf(
  config: string | ConfigAndManifest,
  onDisk: Map<string, string>
): string[] | undefined {
  const files = configAndManifest(config);
  const manifest = manifestForThisBuild(files);
  if (!manifest) return undefined;
  const recorded = Object.keys(manifest.files ?? {});
  if (recorded.length !== onDisk.size) return undefined;
  const lineEndings: string[] = [];
  for (const p of recorded) {
    const file = onDisk.get(p);
    if (!file) return undefined;
    if (files.fileHash(file) === manifest.files[p]) continue;
    if (files.fileHashButForCrlf(file) !== manifest.files[p]) return undefined;
    lineEndings.push(p);
  }
  return lineEndings.sort();
}
