import { assignNames, cleanApiName, isValidApiName, stableHash, MAX_API_NAME } from '../../scripts/naming/naming';
import { resolveModel } from '../../scripts/model/resolve';
import type { HandoffConfig } from '../../scripts/config/types';

const one = (key: string): string => assignNames([{ key }]).names[0].name;

describe('cleanApiName', () => {
  it.each([
    ['user_email', 'user_email'],
    ['conversation_custom_data_Fin AI Agent: Preview', 'conversation_custom_data_Fin_AI_Agent_Preview'],
    ['  spaced  out  ', 'spaced_out'],
    ['double__underscore___key', 'double_underscore_key'],
    ['_firstName', 'firstName'],
    ['trailing_', 'trailing'],
    ['3d_view', 'P_3d_view'],
    ['Café Crème', 'Cafe_Creme'],
    ['Größe', 'Grosse'],
    ['日本語', ''],
    ['a-b.c/d', 'a_b_c_d']
  ])('%j → %j', (raw, clean) => {
    expect(cleanApiName(raw)).toBe(clean);
  });
});

describe('assignNames', () => {
  it('keeps short clean names as they are and reports nothing', () => {
    const { names, notes } = assignNames([{ key: 'plan' }, { key: 'user_email' }]);
    expect(names.map((n) => n.name)).toEqual(['plan', 'user_email']);
    expect(notes).toEqual([]);
  });

  it('truncates names over 40 characters with a stable hash and reports it', () => {
    const key = 'conversation_custom_data_AI Pronoun Formality';
    const { names, notes } = assignNames([{ key }]);
    const name = names[0].name;
    expect(name.length).toBeLessThanOrEqual(MAX_API_NAME);
    expect(name).toBe(`conversation_custom_data_AI_Prono_${stableHash(key)}`);
    expect(isValidApiName(name)).toBe(true);
    expect(notes).toEqual([expect.objectContaining({ key, name, reason: 'truncated' })]);
  });

  it('never leaves a trailing or double underscore when truncating at an underscore', () => {
    const key = 'a'.repeat(32) + '__' + 'b'.repeat(20);
    const name = one(key);
    expect(isValidApiName(name)).toBe(true);
    expect(name).not.toMatch(/__/);
  });

  it('resolves two keys that clash after cleaning: the first keeps the name, the second gets a hash', () => {
    const { names, notes } = assignNames([{ key: 'AI Tone' }, { key: 'AI: Tone' }]);
    expect(names[0].name).toBe('AI_Tone');
    expect(names[1].name).toBe(`AI_Tone_${stableHash('AI: Tone')}`);
    expect(notes).toEqual([expect.objectContaining({ key: 'AI: Tone', reason: 'collision' })]);
  });

  it('treats names differing only by case as a collision (API names are case-insensitive)', () => {
    const { names } = assignNames([{ key: 'user_Email' }, { key: 'user_email' }]);
    expect(names[0].name.toLowerCase()).not.toBe(names[1].name.toLowerCase());
  });

  it('is deterministic: the same keys in the same order give the same names', () => {
    const keys = ['x y', 'x_y', 'x-y', 'X Y'].map((key) => ({ key }));
    expect(assignNames(keys)).toEqual(assignNames(keys));
    expect(new Set(assignNames(keys).names.map((n) => n.name.toLowerCase())).size).toBe(4);
  });

  it('gives keys with no usable characters a hash name and reports it', () => {
    const { names, notes } = assignNames([{ key: '🙂' }]);
    expect(names[0].name).toBe(`Param_${stableHash('🙂')}`);
    expect(notes[0].reason).toBe('empty');
  });

  it('moves names out of the flow-internal prefix and away from reserved names', () => {
    const { names } = assignNames([{ key: 'hk_queue' }, { key: 'recordId' }], ['recordId'], 40, 'HK_');
    expect(names[0].name).toBe('A_hk_queue');
    expect(names[1].name).toMatch(/^recordId_[0-9a-z]{6}$/);
  });

  it('respects a smaller limit (field prefix) and 41+ character keys', () => {
    const key = 'k'.repeat(41);
    const name = assignNames([{ key }], [], 36).names[0].name;
    expect(name.length).toBe(36);
    expect(isValidApiName(name, 36)).toBe(true);
  });
});

describe('resolveModel naming', () => {
  const config = (keys: string[], fieldPrefix?: string): HandoffConfig => ({
    channel: { developerName: 'C' },
    deployment: { developerName: 'D' },
    fieldPrefix,
    attributes: keys.map((key) => ({ key })),
    queues: [{ developerName: 'Q' }],
    routing: { defaultQueue: 'Q' },
    fallback: { queue: 'Q', whenNoAgent: 'wait' }
  });

  it('keeps every field within 40 characters before __c, with the prefix', () => {
    const model = resolveModel(config(['conversation_custom_data_Fin AI Agent: Preview', 'plan'], 'HK_Src_'));
    for (const a of model.attributes) {
      expect(a.field.apiName).toBe(`HK_Src_${a.name}__c`);
      expect(a.field.apiName.replace(/__c$/, '').length).toBeLessThanOrEqual(40);
    }
  });

  it('maps standard keys to standard pre-chat fields and never hides them', () => {
    const model = resolveModel(config(['_firstName', 'plan']));
    expect(model.attributes[0]).toMatchObject({
      standard: 'FirstName',
      formField: '_FirstName',
      hidden: false,
      name: 'firstName'
    });
    expect(model.attributes[1]).toMatchObject({ formField: 'plan', hidden: true, standard: undefined });
  });
});
