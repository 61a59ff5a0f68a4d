/**
 * The validator's vocabulary: a finding (what is wrong, where, how to fix it), a rule (one named
 * check with a fix hint) and what a rule sees while it runs.
 */
import type { ConfigAndManifest } from '../project/buildManifest';
import type { DriftCheck } from '../project/drift';
import type { SourceProject } from '../source/project';
import type { ApexAnalysis, ValidateSettings } from './project';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The rule id, e.g. `chain/mapping-matches-flow-variable`. */
  rule: string;
  severity: Severity;
  /** Project-relative path with forward slashes. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
  fix: string;
}

/** Where a rule points: a file and, where known, a line. */
export interface Location {
  file: string;
  line?: number;
}

export interface RuleContext {
  /** Compares the generated folder with what the config generates (given by the command layer). */
  checkDrift: DriftCheck;
  project: SourceProject;
  /** handoff.validate.json: what the org has that the files cannot show. */
  settings: ValidateSettings;
  apex: ApexAnalysis;
  /** Whether rules may reuse results cached on disk (`--no-cache` turns it off). */
  useCache: boolean;
  /**
   * The project's handoff.config.json and handoff.build.json, read once for this run: the rules that
   * need them (integration's config, freshness's output folder and build check) share one reading.
   */
  configFiles: ConfigAndManifest;
  /** Reports a finding; the fix defaults to the rule's own hint. */
  report(at: Location, message: string, fix?: string): void;
  /** A line saying the rule could not run (or ran partly) and why; not a finding. */
  notice(message: string): void;
}

export interface Rule {
  id: string;
  /** One line: what the rule catches. */
  description: string;
  /** The general fix, used when a finding has none of its own. */
  fix: string;
  severity?: Severity;
  check(ctx: RuleContext): void | Promise<void>;
}
