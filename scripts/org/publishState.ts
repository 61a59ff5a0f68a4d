/**
 * What the kit published, recorded locally: no API reads a deployment's published state (docs/architecture.md,
 * "Publishing"), so after each publish `deploy` stores a fingerprint of the deployment as the org then
 * returned it, and `doctor` compares the org's current deployment with it. A local file rather than a
 * record in the org: it needs no extra deployed type, no org write per publish, and it cannot be
 * mistaken for the org's own state; its limit (another machine's publish is not seen) is in the docs.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const PUBLISH_STATE_FILE = '.handoff/publish-state.json';

export interface PublishRecord {
  /** sha256 of the deployment's Metadata API read, keys sorted. */
  fingerprint: string;
  publishedAt: string;
  apiVersion: string;
}

type StateFile = Record<string, PublishRecord>;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])])
    );
  return v;
}

/** The same deployment read twice gives the same fingerprint, whatever the key order. */
export function deploymentFingerprint(meta: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(meta)))
    .digest('hex');
}

const keyOf = (orgId: string, deployment: string) => `${orgId.slice(0, 15)}/${deployment}`;

function readState(root: string): StateFile {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, PUBLISH_STATE_FILE), 'utf8')) as StateFile;
  } catch {
    return {};
  }
}

export function recordPublish(root: string, orgId: string, deployment: string, record: PublishRecord): void {
  const state = readState(root);
  state[keyOf(orgId, deployment)] = record;
  const file = path.join(root, PUBLISH_STATE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

export function lastPublish(root: string, orgId: string, deployment: string): PublishRecord | undefined {
  return readState(root)[keyOf(orgId, deployment)];
}
