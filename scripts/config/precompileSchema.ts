/**
 * `npm run build:cli` runs this after tsc: writes the schema's standalone validator to
 * dist/schemas/handoff.config.validator.js (see schemaValidator.ts for why and when it is used).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRECOMPILED_FILE, precompiledSource, SCHEMA_FILE } from './schemaValidator';

export function precompileSchema(out: string = PRECOMPILED_FILE): string {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, precompiledSource(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return out;
}

if (require.main === module) {
  const out = precompileSchema();
  process.stderr.write(`precompiled the config schema: ${path.relative(process.cwd(), out)}\n`);
}
