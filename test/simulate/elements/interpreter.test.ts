/** The interpreter's own job: inputs, walking connectors, fault paths, the element limit. */
import { MAX_STEPS, runFlow } from '../../../scripts/simulate/flow/interpreter';
import { layoutOf, Variables } from '../../../scripts/simulate/flow/variables';
import { collection, interview, variable } from './harness';

function run(body: string, inputs: [string, string][] = []) {
  const iv = interview(body);
  return runFlow({ flow: iv.flow, org: iv.org, env: iv.env, inputs: new Map(inputs), tracing: true });
}

describe('runFlow', () => {
  it('follows a fault connector after a runtime fault and records the fault', () => {
    const r = run(`<start><connector><targetReference>Bad</targetReference></connector></start>
      <recordLookups><name>Bad</name><label>Bad</label><object>Nope__x</object><faultConnector><targetReference>Handled</targetReference></faultConnector></recordLookups>
      <assignments><name>Handled</name><label>H</label></assignments>`);
    expect(r.status).toBe('finished');
    expect(r.steps.map((s) => s.type)).toEqual(['fault', 'assignment']);
  });

  it('fails the interview on a fault with no fault connector', () => {
    const r = run(`<start><connector><targetReference>Bad</targetReference></connector></start>
      <recordLookups><name>Bad</name><label>Bad</label><object>Nope__x</object></recordLookups>`);
    expect(r).toMatchObject({ status: 'failed', failure: { element: 'Bad', code: 'INVALID_TYPE' } });
  });

  it('refuses an input that is not an input variable', () => {
    expect(() => run(`${variable('x')}`, [['y', '1']])).toThrow(/the input "y" is not an input variable/);
  });

  it(`stops an interview after ${MAX_STEPS} elements`, () => {
    expect(() =>
      run(`<start><connector><targetReference>A</targetReference></connector></start>
        <assignments><name>A</name><label>A</label><connector><targetReference>B</targetReference></connector></assignments>
        <assignments><name>B</name><label>B</label><connector><targetReference>A</targetReference></connector></assignments>`)
    ).toThrow(/more than 2000 elements \(a loop\? last elements: A → B → A → B → A → B\)/);
  });

  it('starts every interview from the flow defaults, each with its own empty list', () => {
    const { flow } = interview(
      `${variable('x', 'String', '<value><stringValue>d</stringValue></value>')}${collection('list')}`
    );
    const layout = layoutOf(flow);
    const a = new Variables(layout);
    const b = new Variables(layout);
    expect(a.has('x')).toBe(false);
    expect([a.start(), b.start()]).toEqual([true, true]);
    (a.get('list') as string[]).push('changed');
    expect([b.get('x'), b.get('list')]).toEqual(['d', []]);
    expect(new Variables(layout).start() && layout.start).toEqual(['d', []]);
  });
});
