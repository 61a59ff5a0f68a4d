/**
 * The real sf CLI for the package tests: `@salesforce/cli` from the npm registry (HANDOFF_SF_BIN names
 * one already installed, as .ci/run does; else it is installed once into node_modules/.cache/handoff-sfcli),
 * run with every sf folder in a sandbox so nothing of the user's sf setup is read or changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const SF_CLI = '@salesforce/cli@2.150';
const CACHED_SF = path.join(ROOT, 'node_modules', '.cache', 'handoff-sfcli');
// npm, sf and the plugin run on the test's Node (sf 2.150 needs Node >= 22).
const NODE_PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;

/** Why the sf CLI cannot be had (neither given, cached nor installable); undefined when it can. */
export function whySfUnavailable(): string | undefined {
  if (process.env.HANDOFF_SF_BIN) return undefined;
  if (fs.existsSync(path.join(CACHED_SF, 'node_modules', '.bin', 'sf'))) return undefined;
  const ping = spawnSync('npm', ['ping', '--fetch-timeout=5000', '--fetch-retries=0'], {
    env: { ...process.env, PATH: NODE_PATH },
    encoding: 'utf8'
  });
  return ping.status === 0
    ? undefined
    : `HANDOFF_SF_BIN is not set and ${SF_CLI} cannot be installed: the npm registry is unreachable (${(ping.stderr || '').trim()})`;
}

/** The sf executable: HANDOFF_SF_BIN, else the cached install (installed now when missing). */
export function sfExecutable(): string {
  const given = process.env.HANDOFF_SF_BIN;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`HANDOFF_SF_BIN is ${given}, which does not exist.`);
    return given;
  }
  const bin = path.join(CACHED_SF, 'node_modules', '.bin', 'sf');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(CACHED_SF, { recursive: true });
    execFileSync('npm', ['install', '--prefix', CACHED_SF, '--no-audit', '--no-fund', '--loglevel=error', SF_CLI], {
      env: { ...process.env, PATH: NODE_PATH },
      stdio: ['ignore', 'ignore', 'pipe']
    });
  }
  return bin;
}

/** The environment sf runs in: HOME and every sf folder in `sandbox`, none of the caller's SF_ or SFDX_ settings. */
export function sfSandboxEnv(sf: string, sandbox: string): NodeJS.ProcessEnv {
  // Unset as undefined, not deleted, so the sandbox still wins when a caller spreads it over process.env.
  const base: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the user's sf setup (or a pipeline's SF_* session) reaches these runs.
  for (const k of Object.keys(base)) if (/^SFDX?_/.test(k)) base[k] = undefined;
  // jest's NODE_ENV=test would make oclif load sf's dev plugins and look for TypeScript sources.
  base.NODE_ENV = undefined;
  return {
    ...base,
    PATH: `${path.dirname(sf)}${path.delimiter}${NODE_PATH}`,
    HOME: sandbox,
    SF_DATA_DIR: path.join(sandbox, 'data'),
    SF_CONFIG_DIR: path.join(sandbox, 'config'),
    SF_CACHE_DIR: path.join(sandbox, 'cache'),
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    // What @oclif/plugin-update's init hook reads (scopedEnvVarTrue('DISABLE_AUTOUPDATE')): without it sf
    // spawned a detached `sf update --autoupdate` that outlived the test.
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_DISABLE_LOG_FILE: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
  };
}
