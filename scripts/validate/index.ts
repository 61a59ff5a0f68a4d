/**
 * Runs the validator: loads the project once, runs the selected rules over the shared index, and
 * returns findings sorted by file and line. Rule families live in rules/, one module each.
 */
import { UsageError } from '../project/errors';
import * as apexRules from './rules/apex';
import * as channelRules from './rules/channel';
import * as channelSettingsRules from './rules/channel-settings';
import * as flowRules from './rules/flow';
import * as endConversationRules from './rules/end-conversation';
import * as freshnessRules from './rules/freshness';
import * as integrationRules from './rules/integration';
import * as limitsRules from './rules/limits';
import * as orgLimitsRules from './rules/orgLimits';
import * as referencesRules from './rules/references';
import * as namingChainRules from './rules/naming-chain';
import * as schemaRules from './rules/schema';
import * as settingsRules from './rules/settings';
import * as identityRules from './rules/identity';
import * as xmlRules from './rules/xml';
import * as path from 'node:path';
import { ConfigAndManifest } from '../project/buildManifest';
import type { DriftCheck } from '../project/drift';
import { PROJECT_FILES } from '../project/paths';
import { loadProject, type SourceProject } from '../source/project';
import { driftComputedFirst } from './driftFirst';
import { ApexAnalysis, readValidateSettings } from './project';
import { isKitProject, severityIn } from './provenance';
import type { Finding, Rule } from './types';

/** The rule families in the order they run; a new family module is added here (docs/architecture.md). */
export const RULE_FAMILIES: readonly { rules: Rule[] }[] = [
  xmlRules,
  schemaRules,
  namingChainRules,
  flowRules,
  endConversationRules,
  channelRules,
  channelSettingsRules,
  apexRules,
  referencesRules,
  settingsRules,
  integrationRules,
  identityRules,
  limitsRules,
  orgLimitsRules,
  freshnessRules
];

/** Every rule, in family order. */
export const RULES: readonly Rule[] = RULE_FAMILIES.flatMap((f) => f.rules);

export interface ValidateOptions {
  root: string;
  /** Rule ids or family prefixes (`chain`, `chain/`) to run; all when empty. */
  only?: string[];
  /** Rule ids or family prefixes to leave out. */
  skip?: string[];
  /** Read and keep Apex verdicts in the project's handoff.verdicts.json (default true). */
  cache?: boolean;
  /**
   * What the config generates compared with the generated folder, for the freshness rule: the
   * command layer passes generate/build's checkDrift (the validator never imports the generators).
   */
  checkDrift: DriftCheck;
  /** An already loaded project (benchmarks and tests). */
  project?: SourceProject;
}

export interface ValidateResult {
  findings: Finding[];
  /** Ids of the rules that ran. */
  rules: string[];
  /** Rules that could not run fully, and why. */
  notices: { rule: string; message: string }[];
  files: number;
}

function matches(rule: Rule, selector: string): boolean {
  const s = selector.replace(/\/$/, '');
  return rule.id === s || rule.id.startsWith(`${s}/`);
}

/** Checks every selector names a rule or family, so a typo is a usage error rather than a silent no-op. */
export function selectRules(only: string[] = [], skip: string[] = []): Rule[] {
  const rules = RULES;
  for (const s of [...only, ...skip]) {
    if (!rules.some((r) => matches(r, s))) {
      throw new UsageError(
        `handoff validate: no rule or rule family "${s}". Rule ids: ${rules.map((r) => r.id).join(', ')}.`
      );
    }
  }
  return rules.filter(
    (r) => (only.length === 0 || only.some((s) => matches(r, s))) && !skip.some((s) => matches(r, s))
  );
}

export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const selected = selectRules(options.only, options.skip);
  // Per run, not per process: the next validate (same process, a build in between) reads them again.
  const configFiles = new ConfigAndManifest(path.join(options.project?.root ?? options.root, PROJECT_FILES.config));
  // Regenerating, when freshness needs it, before the project is loaded: never both in memory (driftFirst.ts).
  const checkDrift =
    !options.project && selected.some((r) => r.id === freshnessRules.BUILD_CURRENT)
      ? await driftComputedFirst(options.root, configFiles, options.checkDrift)
      : options.checkDrift;
  const project = options.project ?? loadProject(options.root);
  const useCache = options.cache ?? true;
  const settings = readValidateSettings(options.root);
  const apex = new ApexAnalysis(project, useCache);
  const findings: Finding[] = [];
  const notices: ValidateResult['notices'] = [];
  const seen = new Set<string>();
  const kit = isKitProject(options.root);
  for (const rule of selected) {
    await rule.check({
      project,
      checkDrift,
      settings,
      apex,
      useCache,
      configFiles,
      report(at, message, fix) {
        // The same problem repeated in one file (six values with one undeclared prefix) is one finding.
        const key = `${rule.id}\0${at.file}\0${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push({
          rule: rule.id,
          severity: severityIn(kit, rule.id, rule.severity ?? 'error'),
          file: at.file,
          line: at.line,
          message,
          fix: fix ?? rule.fix
        });
      },
      notice(message) {
        notices.push({ rule: rule.id, message });
      }
    });
  }
  apex.save();
  findings.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : (a.line ?? 0) - (b.line ?? 0) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
  return { findings, rules: selected.map((r) => r.id), notices, files: project.metadata.length + project.apex.length };
}

/** Human output: findings grouped by file, each with rule id, line and fix. */
export function formatFindings(result: ValidateResult): string[] {
  const lines: string[] = [];
  let current = '';
  for (const f of result.findings) {
    if (f.file !== current) {
      if (current) lines.push('');
      current = f.file;
      lines.push(f.file);
    }
    const where = f.line ? `line ${f.line}` : '';
    lines.push(
      `  ${f.severity === 'warning' ? 'warning' : 'error'} ${f.rule}${where ? ` (${where})` : ''}: ${f.message}`
    );
    lines.push(`    fix: ${f.fix}`);
  }
  return lines;
}
