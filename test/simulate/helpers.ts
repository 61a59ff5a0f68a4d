import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scenario } from '../../scripts/simulate/flow/actions';
import { payloadFromValue, type Payload } from '../../scripts/simulate/payload';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import { simulate, type SimulateOptions, type SimulationResult, type Simulator } from '../../scripts/simulate/simulate';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURE = path.join(ROOT, 'test/fixtures/simulate/basic');
export const FIXTURE_FLOW = path.join(FIXTURE, 'force-app/flows/Fixture_Routing.flow-meta.xml');

export function fixtureSimulator(dir = FIXTURE): Simulator {
  return simulatorFor(loadSimProject(dir));
}

export function scenario(over: Partial<Scenario> = {}): Scenario {
  return { agents: new Map(), defaultAgents: 1, hours: 'open', ...over };
}

export function payload(obj: Record<string, unknown>, source = 'test.json'): Payload {
  return payloadFromValue(obj, source);
}

export function run(
  sim: Simulator,
  obj: Record<string, unknown>,
  opts: Partial<SimulateOptions> = {}
): SimulationResult {
  return simulate(sim, payload(obj), { scenario: scenario(), tracing: true, ...opts });
}

/** A copy of the fixture project in a temp folder, with `edit` applied to the flow XML. */
export function fixtureWithFlow(edit: (xml: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-sim-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const flow = path.join(dir, 'force-app/flows/Fixture_Routing.flow-meta.xml');
  fs.writeFileSync(flow, edit(fs.readFileSync(flow, 'utf8')));
  return dir;
}
