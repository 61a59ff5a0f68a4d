import { runLoop } from '../../../scripts/simulate/flow/elements/loop';
import { collection, interview, node, variable } from './harness';

const flow = (order = 'Asc', assign = '<assignNextValueToReference>item</assignNextValueToReference>') => `
<loops><name>Each</name><label>Each</label><collectionReference>list</collectionReference><iterationOrder>${order}</iterationOrder>${assign}
  <nextValueConnector><targetReference>Body</targetReference></nextValueConnector>
  <noMoreValuesConnector><targetReference>After</targetReference></noMoreValuesConnector></loops>
<assignments><name>Body</name><label>Body</label></assignments>
<assignments><name>After</name><label>After</label></assignments>
${collection('list')}${variable('item')}`;

describe('loop handler', () => {
  it('visits each item in order, then leaves by no-more-values and starts over on the next visit', () => {
    const iv = interview(flow());
    iv.vars.set('list', ['a', 'b']);
    const loop = node(iv, 'Each', 'loop');
    expect(runLoop(loop, iv)).toBe('Body');
    expect(iv.vars.get('item')).toBe('a');
    expect(runLoop(loop, iv)).toBe('Body');
    expect(iv.vars.get('item')).toBe('b');
    expect(runLoop(loop, iv)).toBe('After');
    expect(runLoop(loop, iv)).toBe('Body');
    expect(iv.vars.get('item')).toBe('a');
    expect(iv.steps.map((s) => (s.type === 'loop' ? s.item : -1))).toEqual([1, 2, 0, 1]);
  });

  it('iterates Desc backwards and, without a loop variable, exposes the item as the loop output', () => {
    const iv = interview(flow('Desc', ''));
    iv.vars.set('list', ['a', 'b']);
    runLoop(node(iv, 'Each', 'loop'), iv);
    expect(iv.resolve('Each')).toBe('b');
  });

  it('an empty collection goes straight to no-more-values', () => {
    const iv = interview(flow());
    expect(runLoop(node(iv, 'Each', 'loop'), iv)).toBe('After');
  });
});
