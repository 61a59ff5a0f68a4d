import { flow, flowDiff } from '../../../../scripts/org/doctor/checks/flow';
import { exampleModel, findings, healthySnapshot } from '../snapshot';

const m = exampleModel();
const name = m.flow.apiName;

describe('doctor checks: flow', () => {
  it('fails a flow missing from the org, or with no active version (naming the latest)', () => {
    const s = healthySnapshot(m);
    s.flow = { exists: false, project: s.flow.project };
    expect(findings(flow, m, s).map((c) => c.message)).toEqual([`Flow ${name} is not in the org`]);
    s.flow = { exists: true, latestVersion: 3, project: s.flow.project };
    expect(findings(flow, m, s).map((c) => c.message)).toEqual([
      `Flow ${name} has no active version (latest is version 3)`
    ]);
  });

  it('lists the inputs that differ and counts the elements, noting a newer inactive version', () => {
    const s = healthySnapshot(m);
    s.flow.latestVersion = 3;
    s.flow.active = {
      inputVariables: [...s.flow.active!.inputVariables, 'legacy'],
      elements: ['decisions:Old']
    };
    const [c] = findings(flow, m, s);
    expect(c.id).toBe('flow.version');
    expect(c.message).toBe(
      'Active version 2 differs from the project (version 3 exists but is not active): input legacy not in the project, 2 element(s) differ'
    );
  });

  it('warns when the project flow cannot be read', () => {
    const s = healthySnapshot(m);
    s.flow.project = { unavailable: 'no Handoff_Routing.flow-meta.xml' };
    expect(findings(flow, m, s).map((c) => [c.status, c.message])).toEqual([
      ['warn', 'Cannot compare with the project: no Handoff_Routing.flow-meta.xml']
    ]);
  });

  it('finds no difference between a shape and itself, in any element order', () => {
    const shape = { inputVariables: ['a', 'b'], elements: ['x:1', 'y:2'] };
    expect(flowDiff(shape, { inputVariables: ['b', 'a'], elements: ['y:2', 'x:1'] })).toEqual([]);
    expect(flowDiff(shape, { inputVariables: ['a'], elements: ['x:1'] })).toEqual([
      'input b not in the project',
      '1 element(s) differ'
    ]);
  });
});
