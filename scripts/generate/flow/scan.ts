/**
 * Runs the Lightning Flow Scanner (@flow-scanner/lightning-flow-scanner-core 6.6.0, a dev tool) on
 * flow files, with every default rule plus the beta ones. Required lazily so a production install
 * without dev dependencies can still load this module and report the scanner as unavailable.
 */
export interface FlowScanFinding {
  /** The scanned file. */
  file: string;
  rule: string;
  severity: string;
  /** Element or resource names the finding points at (the flow name for flow-level rules). */
  names: string[];
}

export interface FlowScanReport {
  rulesRun: string[];
  findings: FlowScanFinding[];
}

interface ScannerModule {
  parse(files: string[]): Promise<{ uri?: string; flow?: unknown; errorMessage?: string }[]>;
  scan(
    parsed: unknown[],
    options?: { betaMode?: boolean }
  ): {
    flow: { fsPath?: string; name?: string };
    ruleResults: {
      ruleName: string;
      severity: string;
      occurs: boolean;
      details: { name: string }[];
    }[];
  }[];
}

/** The scanner, or undefined when it is not installed. */
export function loadFlowScanner(): ScannerModule | undefined {
  try {
    return require('@flow-scanner/lightning-flow-scanner-core') as ScannerModule;
  } catch {
    return undefined;
  }
}

/** Scans flow files; throws when the scanner is missing or cannot parse a file. */
export async function scanFlowFiles(files: string[]): Promise<FlowScanReport> {
  const scanner = loadFlowScanner();
  if (!scanner)
    throw new Error('@flow-scanner/lightning-flow-scanner-core is not installed (npm install --save-dev it)');
  const parsed = await scanner.parse(files);
  const broken = parsed.find((p) => p.errorMessage);
  if (broken) throw new Error(`flow scanner could not parse ${broken.uri ?? 'a flow'}: ${broken.errorMessage}`);
  const results = scanner.scan(parsed, { betaMode: true });
  const rulesRun = new Set<string>();
  const findings: FlowScanFinding[] = [];
  results.forEach((r, i) => {
    const file = r.flow.fsPath ?? parsed[i]?.uri ?? files[i] ?? '';
    for (const rr of r.ruleResults) {
      rulesRun.add(rr.ruleName);
      if (rr.occurs)
        findings.push({
          file,
          rule: rr.ruleName,
          severity: rr.severity,
          names: rr.details.map((d) => d.name)
        });
    }
  });
  return { rulesRun: [...rulesRun].sort(), findings };
}
