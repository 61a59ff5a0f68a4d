/**
 * PMD's Apex rules, offline: @salesforce/code-analyzer-core with the PMD engine plugin (PMD 7 jars bundled,
 * Java 17 needed). The same rules `sf code-analyzer run --rule-selector pmd:Recommended` runs, without the
 * sf plugin (which cannot be installed here).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, SeverityLevel } from '@salesforce/code-analyzer-core';
import * as PmdEngineModule from '@salesforce/code-analyzer-pmd-engine';

/** One PMD finding, with the file relative to the scanned folder's project root. */
export interface PmdFinding {
  rule: string;
  severity: number;
  file: string;
  line: number;
  message: string;
}

export interface PmdReport {
  /** Rules that ran. */
  rulesRun: number;
  /** Apex files scanned. */
  filesScanned: number;
  findings: PmdFinding[];
  /** Findings per severity (1 Critical … 5 Info). */
  bySeverity: Record<number, number>;
}

export interface PmdOptions {
  /** Rule selectors, code-analyzer syntax. Default: PMD's Recommended rules for Apex. */
  selectors?: string[];
  /** Root for relative file names in findings. Default: the working folder. */
  relativeTo?: string;
}

export const DEFAULT_SELECTORS = ['pmd:Recommended:Apex'];

/** Runs PMD on the `.cls`/`.trigger` files under `targets` (files or folders). */
export async function runPmd(targets: string[], options: PmdOptions = {}): Promise<PmdReport> {
  // Logs and working files go to a throw-away folder, never into the project.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-pmd-'));
  try {
    const config = CodeAnalyzerConfig.fromObject({
      log_folder: workDir,
      root_working_folder: workDir,
      engines: { cpd: { disable_engine: true }, pmd: { file_extensions: { apex: ['.cls', '.trigger'] } } }
    });
    const analyzer = new CodeAnalyzer(config);
    await analyzer.addEnginePlugin(PmdEngineModule.createEnginePlugin());
    const workspace = await analyzer.createWorkspace(targets.map((t) => path.resolve(t)));
    const selection = await analyzer.selectRules(options.selectors ?? DEFAULT_SELECTORS, { workspace });
    const files = (await workspace.getTargetedFiles()).filter((f) => /\.(cls|trigger)$/.test(f));
    const results = await analyzer.run(selection, { workspace });
    const relativeTo = options.relativeTo ?? process.cwd();
    const findings = results.getViolations().map((v) => {
      const location = v.getPrimaryLocation();
      return {
        rule: v.getRule().getName(),
        severity: v.getRule().getSeverityLevel(),
        file: path
          .relative(relativeTo, location.getFile() ?? '')
          .split(path.sep)
          .join('/'),
        line: location.getStartLine() ?? 0,
        message: v.getMessage().trim()
      };
    });
    const bySeverity: Record<number, number> = {};
    for (const level of [
      SeverityLevel.Critical,
      SeverityLevel.High,
      SeverityLevel.Moderate,
      SeverityLevel.Low,
      SeverityLevel.Info
    ]) {
      bySeverity[level] = results.getViolationCountOfSeverity(level);
    }
    return { rulesRun: selection.getCount(), filesScanned: files.length, findings, bySeverity };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** One line per finding: `file:line [severity] Rule: message`. */
export function formatFinding(f: PmdFinding): string {
  return `${f.file}:${f.line} [${f.severity}] ${f.rule}: ${f.message}`;
}
