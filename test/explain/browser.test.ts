/**
 * The explain page in a real headless Chromium (Debian's `chromium`, installed by .ci/run): the DOM
 * holds every attribute row, every flow element and the payload path; axe-core finds no WCAG A/AA
 * violation; a screenshot is kept ($HANDOFF_ARTIFACTS_DIR in CI; docs/explain-report.png for the
 * README with UPDATE_SCREENSHOT=1). Skips, saying why, where Chromium is not installed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { ExplainReport } from '../../scripts/explain/types';
import { runCli } from '../support/cli';
import { makeProject, payloadFor, REPO } from './projects';

// The page's globals, used inside page.evaluate callbacks only (tests compile without the DOM lib).
interface Box {
  left: number;
  right: number;
  bottom: number;
  width: number;
}
declare const document: {
  getElementById(id: string): { getBoundingClientRect(): Box; scrollIntoView(): void } | null;
  documentElement: { clientWidth: number };
};
declare const window: unknown;
declare function getComputedStyle(element: unknown): { display: string };

const CHROMIUM = process.env.HANDOFF_CHROMIUM ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available)
  process.stdout.write(
    `explain browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, as .ci/run does)\n`
  );
const maybe = available ? describe : describe.skip;

// The flags of /work/.library/env/machines/node.md: no background network on a closed machine.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

const CASES = [
  {
    name: 'example',
    payload: (dir: string) => {
      fs.copyFileSync(path.join(REPO, 'examples/payloads/fin-sample.json'), path.join(dir, 'fin-sample.json'));
      return 'fin-sample.json';
    },
    screenshot: true
  },
  { name: 'fullview', payload: (dir: string) => payloadFor(dir, { plan: 'enterprise' }), screenshot: false },
  { name: 'cognigy', payload: (dir: string) => payloadFor(dir), screenshot: false }
] as const;

maybe('handoff explain in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-chromium-'));
    // A fresh --user-data-dir per run: nothing carried over from another run.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: FLAGS,
      headless: true
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it.each(CASES)(
    'renders the $name report: rows, elements, payload path, no axe violation',
    async ({ name, payload, screenshot }) => {
      const dir = makeProject(name);
      const file = payload(dir);
      const run = await runCli(['explain', '--payload', file, '--out', 'report.html', '--json'], dir);
      expect(run.code).toBeLessThanOrEqual(1);
      const report = JSON.parse(run.stdout).result as ExplainReport;
      const page = await context.newPage();
      // Nothing but the file itself may load: the page is self-contained.
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${path.join(dir, 'report.html')}`);

      const rows = await page.$$eval('#chain-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
      expect(rows).toEqual(report.chain.map((r) => r.key));
      const cells = await page.$$eval('#chain-table tbody td[data-ok]', (tds) => tds.length);
      expect(cells).toBe(report.chain.length * 6);

      const drawn = await page.$$eval('#flow-diagram g.node', (gs) => gs.map((g) => g.getAttribute('data-element')));
      expect(drawn.sort()).toEqual(report.flow.nodes.map((n) => n.name).sort());
      const faults = await page.$$eval('#flow-diagram [data-kind="fault"] path.edge', (ps) => ps.length);
      expect(faults).toBe(report.flow.edges.filter((e) => e.kind === 'fault').length);
      // Each drawn node sits where the layout put it, inside the drawing.
      const inside = await page.$$eval('#flow-diagram g.node', (gs) => {
        const svg = document.getElementById('flow-diagram')!.getBoundingClientRect();
        return gs.every((g) => {
          const b = g.getBoundingClientRect();
          return b.width > 0 && b.left >= svg.left - 1 && b.right <= svg.right + 1 && b.bottom <= svg.bottom + 1;
        });
      });
      expect(inside).toBe(true);

      const [p] = report.payloads;
      const segments = await page.$$eval('#flow-diagram g.path.p0 path', (ps) => ps.length);
      expect(segments).toBe(p.edges.length);
      const onPath = await page.$$eval('#flow-diagram g.node', (gs) =>
        gs
          .filter((g) => (g.getAttribute('data-payloads') ?? '').split(' ').includes('0'))
          .map((g) => g.getAttribute('data-element'))
      );
      expect(onPath.sort()).toEqual([...new Set(p.elements)].sort());
      expect(await page.textContent('[data-payload="0"] .outcome')).toBe(p.outcome);

      // The checkbox hides the path (keyboard: focus it and press Space).
      await page.focus('#show-p0');
      await page.keyboard.press('Space');
      expect(await page.$eval('#flow-diagram g.path.p0', (g) => getComputedStyle(g).display)).toBe('none');
      await page.keyboard.press('Space');

      // Printed: no navigation or controls, the diagram within the page width.
      await page.emulateMedia({ media: 'print' });
      expect(await page.$eval('nav', (n) => getComputedStyle(n).display)).toBe('none');
      expect(await page.$eval('fieldset.toggle', (n) => getComputedStyle(n).display)).toBe('none');
      const fits = await page.$eval(
        '#flow-diagram',
        (svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth + 1
      );
      expect(fits).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      await page.addScriptTag({ path: require.resolve('axe-core') });
      const result = (await page.evaluate(() =>
        (window as unknown as { axe: { run(o: object): Promise<unknown> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }
        })
      )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
      expect(result.passes.length).toBeGreaterThan(10);
      expect(
        result.violations.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')})`
        )
      ).toEqual([]);

      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

      if (screenshot) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.evaluate(() => document.getElementById('flow')!.scrollIntoView());
        const shot = await page.screenshot({ fullPage: false });
        const artefacts = process.env.HANDOFF_ARTIFACTS_DIR;
        if (artefacts) {
          fs.mkdirSync(artefacts, { recursive: true });
          fs.writeFileSync(path.join(artefacts, 'explain-report.png'), shot);
          fs.copyFileSync(path.join(dir, 'report.html'), path.join(artefacts, 'explain-report.html'));
        }
        // The README's picture, refreshed only on request: a screenshot's bytes differ run to run, and
        // a test run must not leave the checkout edited.
        if (process.env.UPDATE_SCREENSHOT) fs.writeFileSync(path.join(REPO, 'docs', 'explain-report.png'), shot);
        expect(shot.length).toBeGreaterThan(10_000);
      }
      await page.close();
    },
    90_000
  );
});
