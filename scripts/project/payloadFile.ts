/**
 * A vendor payload file as `init --from-payload` and `smoke --payload` read it: one JSON object of
 * routing attributes, or a captured MIAW conversation request whose `routingAttributes` holds them
 * (what Fin and others send). Malformed JSON, a BOM or a missing file are reported by readJsonFile
 * with the line and column and the fix. (`simulate` has its own reader, scripts/simulate/payload.ts,
 * which also takes stdin and JSON Lines.)
 */
import { UserError } from './errors';
import { readJsonFile } from './json';
import { displayPath } from './paths';

export function readPayloadFile(file: string): Record<string, unknown> {
  const data = readJsonFile(file, { missing: 'Pass the path of a JSON file with the routing attributes.' });
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)} must hold one JSON object of routing attributes ({"key": "value", …}).`);
  }
  const obj = data as Record<string, unknown>;
  const inner = obj.routingAttributes;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : obj;
}
