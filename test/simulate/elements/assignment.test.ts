import { runAssignment } from '../../../scripts/simulate/flow/elements/assignment';
import { FlowSimulationError } from '../../../scripts/simulate/flow/interview';
import { collection, interview, node, value, variable } from './harness';

const item = (target: string, operator: string, v: Parameters<typeof value>[0]): string =>
  `<assignmentItems><assignToReference>${target}</assignToReference><operator>${operator}</operator>${value(v)}</assignmentItems>`;

const flow = (items: string, vars: string): string =>
  `<assignments><name>A</name><label>A</label>${items}<connector><targetReference>B</targetReference></connector></assignments>
   <assignments><name>B</name><label>B</label></assignments>${vars}`;

describe('assignment handler', () => {
  it('applies Assign, Add, Subtract and AddItem in order and returns the connector', () => {
    const iv = interview(
      flow(
        item('n', 'Assign', 2) +
          item('n', 'Add', 3) +
          item('n', 'Subtract', 1) +
          item('t', 'Add', 'a') +
          item('t', 'Add', 'b') +
          item('list', 'AddItem', 'x') +
          item('list', 'Add', 'y'),
        variable('n', 'Number') + variable('t') + collection('list')
      )
    );
    expect(runAssignment(node(iv, 'A', 'assignment'), iv)).toBe('B');
    expect(iv.vars.get('n')).toBe(4);
    expect(iv.vars.get('t')).toBe('ab');
    expect(iv.vars.get('list')).toEqual(['x', 'y']);
    expect(iv.steps[0]).toMatchObject({ type: 'assignment', element: 'A' });
    expect((iv.steps[0] as { items: unknown[] }).items[0]).toEqual({ target: 'n', operator: 'Assign', value: 2 });
  });

  it('counts a collection with AssignCount', () => {
    const iv = interview(
      flow(
        item('list', 'AddItem', 'x') + item('n', 'AssignCount', { ref: 'list' }),
        variable('n', 'Number') + collection('list')
      )
    );
    runAssignment(node(iv, 'A', 'assignment'), iv);
    expect(iv.vars.get('n')).toBe(1);
  });

  it('stops on an operator it does not run, naming the element', () => {
    const iv = interview(flow(item('n', 'RemoveAll', 1), variable('n', 'Number')));
    expect(() => runAssignment(node(iv, 'A', 'assignment'), iv)).toThrow(FlowSimulationError);
    expect(() => runAssignment(node(iv, 'A', 'assignment'), iv)).toThrow(/A: the assignment operator RemoveAll/);
  });
});
