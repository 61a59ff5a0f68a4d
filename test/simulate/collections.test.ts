/**
 * A routing flow using collection filter and sort, a subflow, a wait and a screen
 * (test/fixtures/simulate/collections), simulated with `--flow` end to end.
 */
import * as path from 'node:path';
import { FlowSimulationError } from '../../scripts/simulate/flow/interpreter';
import { loadSimProject } from '../../scripts/simulate/project';
import { simulatorFor } from '../../scripts/simulate/replay';
import { ROOT, run } from './helpers';

const sim = simulatorFor(
  loadSimProject(path.join(ROOT, 'test/fixtures/simulate/collections'), { flow: 'Route_By_Tier' })
);

test('filters the support queues, sorts the highest tier first, picks its Id in a subflow and routes there', () => {
  const r = run(sim, {});
  expect(r.run.steps.map((s) => s.type)).toEqual([
    'lookup',
    'collection',
    'assignment',
    'collection',
    'subflow',
    'action'
  ]);
  expect(r.run.steps[1]).toMatchObject({ operation: 'filter', before: 3, after: 2 });
  expect(r.run.steps[3]).toMatchObject({ operation: 'sort', before: 2, after: 1 });
  expect(r.run.outcome).toMatchObject({ kind: 'routed', element: 'Route', queue: 'Tier2_Support' });
});

test('without the subflow in the project: the assumption and a warning, Route Work faults, the wait is modelled, the screen stops the run', () => {
  const lacking = { ...sim, project: { ...sim.project, subflow: () => undefined } };
  let error: unknown;
  try {
    run(lacking, {});
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(FlowSimulationError);
  expect(String((error as Error).message)).toMatch(
    /Route_By_Tier\.flow-meta\.xml:\d+: the flow reaches the Screen Retry_Screen: a RoutingFlow flow runs with no user/
  );
});
