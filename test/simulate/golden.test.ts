/**
 * Golden traces: the example project (this repository's force-app, as `handoff build` wrote it) with
 * the shared vendor payloads and our own example payload, through the real CLI (text and --json).
 * Regenerate with UPDATE_GOLDEN=1 after an intended change, then read the diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../scripts/cli/main';
import { ROOT } from './helpers';

const GOLDEN = path.join(__dirname, 'golden');
const SHARED = path.resolve(ROOT, '../shared');
const SHARED_PAYLOADS = path.join(SHARED, 'examples/payloads');
const FLOW = path.join(ROOT, 'force-app/generated/flows');
const update = process.env.UPDATE_GOLDEN === '1';

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(args);
    // Paths outside the project read the same on every machine.
    return { code, stdout: stdout.split(SHARED).join('../shared') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function check(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (update) {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

const cases: { name: string; payload: string; shared: boolean; flags: string[]; code: number }[] = [
  { name: 'fin-handoff', payload: path.join(SHARED_PAYLOADS, 'fin-handoff.json'), shared: true, flags: [], code: 0 },
  {
    name: 'fullview-handoff',
    payload: path.join(SHARED_PAYLOADS, 'fullview-handoff.json'),
    shared: true,
    flags: [],
    code: 0
  },
  {
    name: 'cognigy-handoff',
    payload: path.join(SHARED_PAYLOADS, 'cognigy-handoff.json'),
    shared: true,
    flags: [],
    code: 0
  },
  { name: 'fin-sample', payload: 'examples/payloads/fin-sample.json', shared: false, flags: [], code: 0 },
  {
    name: 'fin-sample-no-agents',
    payload: 'examples/payloads/fin-sample.json',
    shared: false,
    flags: ['--no-agents', '--contact', 'marta.keller@example.de'],
    code: 0
  },
  {
    // The refusal path: End Conversation says no, the flow stores that on the session and routes to the fallback queue.
    name: 'fin-sample-no-agents-refused',
    payload: 'examples/payloads/fin-sample.json',
    shared: false,
    flags: ['--no-agents', '--end-conversation', 'refused'],
    code: 0
  },
  {
    name: 'cognigy-after-fin-closed',
    payload: path.join(SHARED_PAYLOADS, 'cognigy-handoff.json'),
    shared: true,
    flags: ['--earlier-session', path.join(SHARED_PAYLOADS, 'fin-handoff.json'), '--hours', 'closed'],
    code: 0
  }
];

const haveProject = fs.existsSync(FLOW) && fs.readdirSync(FLOW).some((f) => f.endsWith('.flow-meta.xml'));
const haveShared = fs.existsSync(SHARED_PAYLOADS);
if (!haveProject) console.warn(`golden traces skipped: ${FLOW} has no flow yet (run \`handoff build\`)`);
if (!haveShared) console.warn(`golden traces of the shared payloads skipped: ${SHARED_PAYLOADS} does not exist`);

describe('golden traces of the example project', () => {
  for (const c of cases) {
    const runIt = haveProject && (!c.shared || haveShared) ? it : it.skip;
    runIt(`${c.name}: text trace`, async () => {
      const r = await cli(['simulate', c.payload, ...c.flags]);
      expect(r.code).toBe(c.code);
      check(`${c.name}.txt`, r.stdout);
    });
    runIt(`${c.name}: --json`, async () => {
      const r = await cli(['simulate', c.payload, ...c.flags, '--json']);
      expect(r.code).toBe(c.code);
      expect(JSON.parse(r.stdout).status).toBe(c.code);
      check(`${c.name}.json`, r.stdout);
    });
  }
});
