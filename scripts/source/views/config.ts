/**
 * The project's handoff.config.json as the file says it, unvalidated: for the validate rules that read one
 * setting of it (edition, endpoint, contact matching). Parsed from the run's one reading of the file
 * (ConfigAndManifest); absent or unreadable gives undefined (an invalid config is `handoff build`'s
 * finding, not theirs).
 */
import type { ConfigAndManifest } from '../../project/buildManifest';

export function rawConfig(files: ConfigAndManifest): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = files.config();
  } catch {
    return undefined;
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}
