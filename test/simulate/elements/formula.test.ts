/** Formula resources and $Flow globals as the interview resolves them. */
import { evaluateFormula, parseFormula } from '../../../scripts/simulate/flow/formula';
import { buildSchema, Org } from '../../../scripts/simulate/flow/org';
import { interview, variable } from './harness';

const f = (expr: string, refs: Record<string, unknown> = {}) =>
  evaluateFormula(parseFormula(expr), (r) => (refs[r] ?? null) as never);

describe('formulas', () => {
  it('evaluates the functions and operators real routing flows use', () => {
    expect(f('TRIM(RIGHT({!key}, 10))', { key: '+1 4155550100' })).toBe('4155550100');
    expect(f('BLANKVALUE({!a}, {!b})', { b: 'x' })).toBe('x');
    expect(f('IF(AND(ISBLANK({!a}), NOT(false)), "yes" & "!", "no")')).toBe('yes!');
    expect(f('CASE({!plan}, "gold", 1, "silver", 2, 0) + 1', { plan: 'silver' })).toBe(3);
    expect(f('{!n} >= 5 && {!n} <> 7', { n: 6 })).toBe(true);
    expect(f('LEN(SUBSTITUTE("a-b-c", "-", ""))')).toBe(3);
  });

  it('names a function it does not evaluate, with the resource', () => {
    const iv = interview(
      `<formulas><name>f1</name><dataType>String</dataType><expression>REGEX({!x}, "a")</expression></formulas>${variable('x')}`
    );
    expect(() => iv.resolve('f1')).toThrow(/formula f1: the formula function REGEX is not simulated/);
  });

  it('a formula resource follows relationships and types its result', () => {
    const org = new Org(buildSchema(new Map()));
    const user = org.seed('MessagingEndUser', { MessagingPlatformKey: '+14155550100' });
    const iv = interview(
      `<formulas><name>phone</name><dataType>String</dataType><expression>RIGHT({!s.MessagingEndUser.MessagingPlatformKey}, 10)</expression></formulas>
       <formulas><name>count</name><dataType>Number</dataType><expression>"4" + 0</expression></formulas>
       ${variable('s', 'SObject', '<objectType>MessagingSession</objectType>')}`,
      org
    );
    iv.vars.set('s', { Id: '0MwX', MessagingEndUserId: String(user.Id) });
    expect(iv.resolve('phone')).toBe('4155550100');
    expect(iv.resolve('count')).toBe(40);
  });

  it('reads $Flow.FaultMessage and a fixed $Flow.CurrentDateTime; other globals stop by name', () => {
    const iv = interview(variable('x'));
    iv.faultMessage = 'INVALID_INPUT: no queue';
    expect(iv.resolve('$Flow.FaultMessage')).toBe('INVALID_INPUT: no queue');
    expect(iv.resolve('$Flow.CurrentDateTime')).toBe('2025-01-06T09:00:00.000Z');
    expect(() => iv.resolve('$User.Id')).toThrow(/the global variable \$User\.Id is not simulated/);
  });
});
