/**
 * The project's handoff.config.json as the file says it, unvalidated: for the validate rules that read one
 * setting of it (edition, endpoint, contact matching). Read and parsed once per loaded project; absent or
 * unreadable gives undefined (an invalid config is `handoff build`'s finding, not theirs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILES } from '../../project/paths';
import type { SourceProject } from '../project';

const RAW = new WeakMap<SourceProject, Record<string, unknown> | undefined>();

export function rawConfig(project: SourceProject): Record<string, unknown> | undefined {
  if (RAW.has(project)) return RAW.get(project);
  let raw: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(project.root, PROJECT_FILES.config), 'utf8'));
    raw =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    raw = undefined;
  }
  RAW.set(project, raw);
  return raw;
}
