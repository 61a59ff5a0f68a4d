/**
 * Drift between a config and its generated folder, as a shape both sides share: generate/build
 * computes it, the validator's freshness rule reports it. It lives here, below both, because the
 * validator never imports the generators (docs/architecture.md): the command layer hands it
 * generate/build's checkDrift as a `DriftCheck`.
 */
export interface Drift {
  /** Files whose content differs from what the config generates. */
  stale: string[];
  /**
   * Files that are what the config generates but for CRLF line endings (a checkout with git's
   * core.autocrlf wrote them): not stale, not edited by hand. Sorted.
   */
  lineEndings: string[];
  /** Files the config generates that are not on disk. */
  missing: string[];
  /** Files on disk under the output folder that the config does not generate. */
  extra: string[];
}

/** Compares the folder `outDir` with what the config file generates (async when it loads the generators lazily). */
export type DriftCheck = (configFile: string, outDir: string) => Drift | Promise<Drift>;
