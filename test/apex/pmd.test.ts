import * as path from 'node:path';
import { formatFinding, runPmd, type PmdReport } from '../../scripts/apex/pmd';

const root = path.resolve(__dirname, '../..');
const classes = path.join(root, 'force-app/main/default/classes');

// PMD starts a JVM (~5–15 s on a shared 2-core machine): one run, shared by the assertions.
const PMD_TIMEOUT_MS = 180_000;

describe("PMD's recommended Apex rules", () => {
  let report: PmdReport;

  beforeAll(async () => {
    report = await runPmd([classes], { relativeTo: root });
  }, PMD_TIMEOUT_MS);

  it('ran the recommended rule set on every class', () => {
    expect(report.rulesRun).toBeGreaterThan(40);
    expect(report.filesScanned).toBeGreaterThanOrEqual(6);
  });

  it('finds no critical or high-severity violation', () => {
    const high = report.findings.filter((f) => f.severity <= 2).map(formatFinding);
    expect(high).toEqual([]);
  });

  it('calls out through the Named Credential, with no suppression', async () => {
    // The End Conversation job uses `callout:Handoff_End_Conversation`; nothing hides PMD's advice.
    expect(report.findings.some((f) => f.rule === 'ApexSuggestUsingNamedCred')).toBe(false);
    const fs = await import('node:fs');
    const sources = fs.readdirSync(classes).filter((f) => f.endsWith('.cls'));
    for (const f of sources) expect(fs.readFileSync(path.join(classes, f), 'utf8')).not.toMatch(/@SuppressWarnings/);
  });
});
