/**
 * The SOQL subset the emulator understands: enough for the kit's own queries, refusing anything else
 * loudly (MALFORMED_QUERY) so a command never silently gets the wrong rows.
 *
 *   SELECT a, b.c FROM T [WHERE p (= | != | IN) v [AND …]] [ORDER BY p [ASC|DESC]] [LIMIT n]
 *   v: 'text' | number | true | false | null | LAST_N_DAYS:n | (v, …)
 */
export type SoqlValue = string | number | boolean | null | { lastNDays: number };

export interface SoqlCondition {
  path: string;
  op: '=' | '!=' | 'IN';
  value: SoqlValue | SoqlValue[];
}

export interface SoqlQuery {
  fields: string[];
  from: string;
  where: SoqlCondition[];
  orderBy?: { path: string; desc: boolean };
  limit?: number;
}

export class SoqlError extends Error {}

type Token = { kind: 'word' | 'string' | 'number' | 'punct'; text: string };

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= soql.length) throw new SoqlError('unterminated string');
        if (soql[i] === '\\') {
          text += soql[i + 1];
          i += 2;
        } else if (soql[i] === "'") {
          i++;
          break;
        } else text += soql[i++];
      }
      tokens.push({ kind: 'string', text });
    } else if (c === '!' && soql[i + 1] === '=') {
      tokens.push({ kind: 'punct', text: '!=' });
      i += 2;
    } else if ('(),='.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else {
      const m = /^[-\w.:]+/.exec(soql.slice(i));
      if (!m) throw new SoqlError(`unexpected character ${c}`);
      tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(m[0]) ? 'number' : 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseSoql(soql: string): SoqlQuery {
  const t = tokenize(soql);
  let i = 0;
  const peekWord = (w: string): boolean => t[i]?.kind === 'word' && t[i].text.toUpperCase() === w;
  const expectWord = (w: string): void => {
    if (!peekWord(w)) throw new SoqlError(`expected ${w} near "${t[i]?.text ?? 'end'}"`);
    i++;
  };
  const word = (): string => {
    const tok = t[i++];
    if (!tok || tok.kind !== 'word') throw new SoqlError(`expected a name near "${tok?.text ?? 'end'}"`);
    return tok.text;
  };
  const value = (): SoqlValue => {
    const tok = t[i++];
    if (!tok) throw new SoqlError('expected a value');
    if (tok.kind === 'string') return tok.text;
    if (tok.kind === 'number') return Number(tok.text);
    if (tok.kind === 'word') {
      const u = tok.text.toUpperCase();
      if (u === 'TRUE') return true;
      if (u === 'FALSE') return false;
      if (u === 'NULL') return null;
      const m = /^LAST_N_DAYS:(\d+)$/.exec(u);
      if (m) return { lastNDays: Number(m[1]) };
    }
    throw new SoqlError(`unsupported value ${tok.text}`);
  };
  expectWord('SELECT');
  const fields = [word()];
  while (t[i]?.text === ',') {
    i++;
    fields.push(word());
  }
  expectWord('FROM');
  const from = word();
  const where: SoqlCondition[] = [];
  if (peekWord('WHERE')) {
    i++;
    for (;;) {
      const path = word();
      const op = t[i++];
      if (op?.text === '=' || op?.text === '!=') where.push({ path, op: op.text, value: value() });
      else if (op?.kind === 'word' && op.text.toUpperCase() === 'IN') {
        if (t[i++]?.text !== '(') throw new SoqlError('expected ( after IN');
        const values = [value()];
        while (t[i]?.text === ',') {
          i++;
          values.push(value());
        }
        if (t[i++]?.text !== ')') throw new SoqlError('expected ) to close IN');
        where.push({ path, op: 'IN', value: values });
      } else throw new SoqlError(`unsupported operator ${op?.text ?? 'end'}`);
      if (!peekWord('AND')) break;
      i++;
    }
  }
  let orderBy: SoqlQuery['orderBy'];
  if (peekWord('ORDER')) {
    i++;
    expectWord('BY');
    const path = word();
    let desc = false;
    if (peekWord('DESC')) {
      desc = true;
      i++;
    } else if (peekWord('ASC')) i++;
    orderBy = { path, desc };
  }
  let limit: number | undefined;
  if (peekWord('LIMIT')) {
    i++;
    const n = t[i++];
    if (n?.kind !== 'number') throw new SoqlError('expected a number after LIMIT');
    limit = Number(n.text);
  }
  if (i < t.length) throw new SoqlError(`unexpected "${t[i].text}"`);
  return { fields, from, where, orderBy, limit };
}

/** Whether a record's value satisfies one condition (`get` resolves dotted paths). */
export function matches(c: SoqlCondition, actual: unknown, now = Date.now()): boolean {
  const eq = (v: SoqlValue): boolean => {
    if (v !== null && typeof v === 'object') {
      const t = typeof actual === 'string' ? Date.parse(actual) : NaN;
      return Number.isFinite(t) && t >= now - v.lastNDays * 86_400_000;
    }
    if (v === null) return actual === null || actual === undefined;
    // Salesforce compares Ids and strings case-insensitively in filters.
    if (typeof v === 'string' && typeof actual === 'string') return v.toLowerCase() === actual.toLowerCase();
    return actual === v;
  };
  if (c.op === 'IN') return (c.value as SoqlValue[]).some(eq);
  const r = eq(c.value as SoqlValue);
  return c.op === '=' ? r : !r;
}
