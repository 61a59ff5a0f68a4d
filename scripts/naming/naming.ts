/**
 * The naming contract (docs/architecture.md), decided here and nowhere else.
 *
 * A vendor key becomes one API name shared by the channel parameter `name`, its
 * `actionParameterName`, the flow input variable and the custom pre-chat `formField`: letters,
 * digits and single underscores, starting with a letter, no trailing underscore, at most 40
 * characters. The MessagingSession field is `<prefix><name>__c` within the same limits. Salesforce
 * compares API names case-insensitively, so collisions are found case-insensitively too. Every
 * truncation and collision is resolved with a short stable hash of the vendor key and reported.
 */
import { createHash } from 'node:crypto';

export const MAX_API_NAME = 40;
const HASH_LENGTH = 6;

export interface NamingNote {
  key: string;
  name: string;
  reason: 'truncated' | 'collision' | 'reserved' | 'empty';
  detail: string;
}

/** A stable 6-character base-36 hash of a vendor key: the suffix that keeps names unique. */
export function stableHash(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return (digest.readUInt32BE(0) % 36 ** HASH_LENGTH).toString(36).padStart(HASH_LENGTH, '0');
}

/**
 * Cleans a string into API-name characters without deciding uniqueness: accents folded to ASCII,
 * everything else that is not a letter or digit becomes one underscore, runs and edges trimmed,
 * a leading digit gets a `P_` prefix. May return '' (nothing usable, e.g. only emoji).
 */
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th'
};

export function cleanApiName(raw: string): string {
  let s = raw
    .replace(/[ßæÆøØœŒđĐłŁþÞ]/g, (c) => TRANSLITERATE[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  s = s
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (/^[0-9]/.test(s)) s = `P_${s}`;
  return s;
}

/** True when `name` obeys the platform's API-name rules within `max` characters. */
export function isValidApiName(name: string, max = MAX_API_NAME): boolean {
  return name.length > 0 && name.length <= max && /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(name);
}

/** Shortens `base` to fit `max` with `_<hash>` appended, never leaving a trailing underscore. */
function withHash(base: string, hash: string, max: number): string {
  const room = max - HASH_LENGTH - 1;
  const head = base.slice(0, room).replace(/_+$/, '');
  return `${head}_${hash}`;
}

export interface NameRequest {
  key: string;
  /** An explicit name from the config; still checked, never silently changed. */
  override?: string;
}

export interface NameAssignment {
  key: string;
  name: string;
}

/**
 * Assigns names to keys in order. Earlier keys keep their clean name; a later key whose name is
 * taken (case-insensitively), or reserved, gets the hash suffix. Deterministic: the same list in the
 * same order always yields the same names.
 */
export function assignNames(
  requests: NameRequest[],
  reserved: Iterable<string> = [],
  max = MAX_API_NAME,
  reservedPrefix?: string
): { names: NameAssignment[]; notes: NamingNote[] } {
  const taken = new Set<string>([...reserved].map((r) => r.toLowerCase()));
  const reservedSet = new Set(taken);
  const names: NameAssignment[] = [];
  const notes: NamingNote[] = [];
  for (const { key, override } of requests) {
    const hash = stableHash(key);
    let name = override ?? cleanApiName(key);
    if (reservedPrefix && name.toLowerCase().startsWith(reservedPrefix.toLowerCase())) {
      notes.push({
        key,
        name: `A_${name}`,
        reason: 'reserved',
        detail: `names starting with "${reservedPrefix}" belong to the generated flow`
      });
      name = `A_${name}`;
    }
    if (!name) {
      name = `Param_${hash}`;
      notes.push({ key, name, reason: 'empty', detail: `"${key}" has no letters or digits to build a name from` });
    } else if (name.length > max) {
      const long = name;
      name = withHash(long, hash, max);
      notes.push({
        key,
        name,
        reason: 'truncated',
        detail: `"${long}" is ${long.length} characters; the limit is ${max}`
      });
    }
    if (taken.has(name.toLowerCase())) {
      const clash = name;
      name = withHash(clash, hash, max);
      // A hash suffix can itself collide (a crafted key): extend deterministically until free.
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = withHash(clash, stableHash(`${key}#${n}`), max);
      notes.push({
        key,
        name,
        reason: reservedSet.has(clash.toLowerCase()) ? 'reserved' : 'collision',
        detail: reservedSet.has(clash.toLowerCase())
          ? `"${clash}" is reserved by the generated flow`
          : `"${clash}" is already used by an earlier attribute (names are case-insensitive)`
      });
    }
    taken.add(name.toLowerCase());
    names.push({ key, name });
  }
  return { names, notes };
}

/**
 * The MessagingSession custom field for a parameter name: `<prefix><name>__c`. Names are assigned
 * with a limit of 40 minus the prefix length, so the field fits without a second truncation.
 */
export function fieldApiName(prefix: string, name: string): string {
  return `${prefix}${name}__c`;
}

/** A developer name for a component derived from a label or key (queues, rules, remote sites). */
export function developerName(raw: string, max = MAX_API_NAME): string {
  const clean = cleanApiName(raw) || `Name_${stableHash(raw)}`;
  return clean.length > max ? withHash(clean, stableHash(raw), max) : clean;
}

/** Turns `user_geoip_data_city_name` into "User Geoip Data City Name"; keeps `Fin AI Agent: Preview` readable. */
export function labelFromKey(key: string): string {
  const words = key
    .replace(/^_+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[_\s]+/)
    .filter(Boolean);
  const label = words.map((w) => (w === w.toLowerCase() ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
  // Cut at 40, then no trailing space: Setup shows the label as written, and a cut between words leaves one.
  return (label || key).slice(0, 40).trimEnd();
}
