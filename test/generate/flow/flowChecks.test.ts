/**
 * The generated flow against the external checks: the official Metadata API schema (xsd-check,
 * skipped with a message where ../shared is absent) and the Lightning Flow Scanner (every default
 * and beta rule), for the example and every variant.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generate } from '../../../scripts/generate/flow';
import { loadFlowScanner, scanFlowFiles } from '../../../scripts/generate/flow/scan';
import { resolveModel } from '../../../scripts/model/resolve';
import { ROOT } from '../helpers';
import { VARIANTS } from './variants';

const XSD_CHECK = path.resolve(ROOT, '../shared/tools/xsd-check');
const hasXsdCheck = existsSync(XSD_CHECK);
if (!hasXsdCheck) console.warn(`SKIPPED: schema validation of the generated flow (${XSD_CHECK} not found)`);

let dir: string;
const files: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'handoff-flow-'));
  for (const v of VARIANTS) {
    const [f] = generate(resolveModel(v.config));
    const p = path.join(dir, v.name, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.content);
    files.push(p);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(hasXsdCheck ? it : it.skip)(
  'validates against the Metadata API v66 schema for every variant',
  () => {
    let output: string;
    try {
      output = execFileSync(XSD_CHECK, [dir], {
        encoding: 'utf8',
        timeout: 240_000
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`xsd-check failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
    expect(output).toContain(`${VARIANTS.length} passed, 0 failed`);
  },
  300_000
);

(loadFlowScanner() ? it : it.skip)('has no Lightning Flow Scanner finding for any variant', async () => {
  const report = await scanFlowFiles(files);
  expect(report.rulesRun).toEqual(
    expect.arrayContaining([
      'HardcodedId',
      'MissingFaultPath',
      'UnusedVariable',
      'UnconnectedElement',
      'MissingNullHandler'
    ])
  );
  expect(report.findings).toEqual([]);
});

(loadFlowScanner() ? it : it.skip)(
  'the scanner wrapper reports findings it is shown (a flow without fault paths)',
  async () => {
    const [f] = generate(resolveModel(VARIANTS[0].config));
    const broken = f.content.replace(
      /<faultConnector>\s*<targetReference>[A-Za-z_]+<\/targetReference>\s*<\/faultConnector>\n/g,
      ''
    );
    const p = path.join(dir, 'broken.flow-meta.xml');
    writeFileSync(p, broken);
    const report = await scanFlowFiles([p]);
    expect(report.findings.map((x) => x.rule)).toContain('MissingFaultPath');
  }
);
