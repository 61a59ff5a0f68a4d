/**
 * Tier 2: every file the metadata generators write for the example config validates against the
 * official Metadata API schema (../shared/salesforce/metadata-v66.wsdl, via ../shared/tools/xsd-check).
 * Skips with a visible message where the shared tools are not present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GENERATOR_FILES } from './generators';
import { starterConfig, VENDOR_ATTRIBUTES } from '../../scripts/config/templates';
import type { Vendor } from '../../scripts/config/types';
import { resolveModel } from '../../scripts/model/resolve';
import { EVERY_CHANNEL_SETTING } from './channelSettings';
import { exampleModel, modelOf, ROOT } from './helpers';

const XSD_CHECK = path.resolve(ROOT, '../shared/tools/xsd-check');
const available = existsSync(XSD_CHECK);
if (!available) console.warn(`SKIPPED: schema validation of generated metadata (${XSD_CHECK} not found)`);
const maybe = available ? describe : describe.skip;

function writeAll(dir: string, model = exampleModel()): number {
  let count = 0;
  for (const generate of GENERATOR_FILES) {
    for (const f of generate(model)) {
      const p = path.join(dir, f.path);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, f.content);
      count++;
    }
  }
  return count;
}

function xsdCheck(dir: string): { ok: boolean; output: string } {
  try {
    return {
      ok: true,
      output: execFileSync(XSD_CHECK, [dir], {
        encoding: 'utf8',
        timeout: 240_000
      })
    };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

maybe('generated metadata against the Metadata API v66 schema', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'handoff-xsd-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates every file generated for the example config and an edge-case config', () => {
    const example = path.join(dir, 'example');
    const edge = path.join(dir, 'edge');
    let written =
      writeAll(example) +
      writeAll(
        edge,
        modelOf({
          ...EVERY_CHANNEL_SETTING,
          attributes: [
            { key: 'notes', type: 'LongTextArea' },
            {
              key: 'contact_email',
              type: 'Email',
              hidden: false,
              required: true
            },
            { key: 'phone', type: 'Phone', hidden: false },
            { key: 'plan', label: 'Your plan', hidden: false },
            { key: 'site', type: 'Url' }
          ],
          queues: [
            {
              developerName: 'Edge_Queue',
              routing: { model: 'LEAST_ACTIVE', capacityWeight: 2.5 }
            }
          ]
        })
      );
    // Every vendor template: the External Client App, its policies, the permission sets, the Case fields.
    const vendors = Object.keys(VENDOR_ATTRIBUTES) as Vendor[];
    const perVendor = vendors.reduce((n, v) => n + writeAll(path.join(dir, v), resolveModel(starterConfig(v))), 0);
    written += perVendor;
    const { ok, output } = xsdCheck(dir);
    expect(perVendor).toBeGreaterThan(0);
    // Every file checked (none skipped or missed by the tool's file search), none invalid.
    expect(output).toContain(`xsd-check: ${written} passed, 0 failed`);
    expect(ok).toBe(true);
  }, 300_000);
});
