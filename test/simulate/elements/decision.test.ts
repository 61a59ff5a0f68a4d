import { runDecision } from '../../../scripts/simulate/flow/elements/decision';
import { interview, node, value, variable } from './harness';

const cond = (left: string, op: string, v: Parameters<typeof value>[0]): string =>
  `<conditions><leftValueReference>${left}</leftValueReference><operator>${op}</operator>${value(v).replace(/value>/g, 'rightValue>')}</conditions>`;

const flow = `
<decisions><name>D</name><label>D</label>
  <defaultConnector><targetReference>Other</targetReference></defaultConnector><defaultConnectorLabel>Otherwise</defaultConnectorLabel>
  <rules><name>Gold</name><conditionLogic>1 AND (2 OR 3)</conditionLogic>${cond('plan', 'EqualTo', 'gold')}${cond('n', 'GreaterThan', 5)}${cond('n', 'LessThan', 0)}
    <connector><targetReference>GoldPath</targetReference></connector><label>Gold customer</label></rules>
</decisions>
<assignments><name>GoldPath</name><label>G</label></assignments>
<assignments><name>Other</name><label>O</label></assignments>
${variable('plan')}${variable('n', 'Number')}`;

describe('decision handler', () => {
  it('takes the first rule whose logic holds and traces each condition evaluated', () => {
    const iv = interview(flow);
    iv.vars.set('plan', 'gold');
    iv.vars.set('n', 9);
    expect(runDecision(node(iv, 'D', 'decision'), iv)).toBe('GoldPath');
    expect(iv.steps[0]).toMatchObject({
      outcome: 'Gold',
      outcomeLabel: 'Gold customer',
      rules: [
        {
          matched: true,
          conditions: [
            { index: 1, result: true },
            { index: 2, result: true }
          ]
        }
      ]
    });
  });

  it('takes the default outcome when no rule holds, evaluating only what the logic needs', () => {
    const iv = interview(flow);
    iv.vars.set('plan', 'silver');
    expect(runDecision(node(iv, 'D', 'decision'), iv)).toBe('Other');
    expect(iv.steps[0]).toMatchObject({ outcome: '', outcomeLabel: 'Otherwise' });
    expect((iv.steps[0] as { rules: { conditions: unknown[] }[] }).rules[0].conditions).toHaveLength(1);
  });
});
