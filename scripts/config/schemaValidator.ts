/**
 * The compiled JSON Schema of handoff.config.json, once per process. `npm run build:cli` precompiles
 * it with ajv's standalone code generation (precompileSchema.ts → dist/schemas/), so a command loads
 * a 100 kB module instead of loading ajv and compiling the schema (≈0.4 s, a third of an offline
 * validate). The precompiled module records the SHA-256 of the schema it was made from: when the
 * schema has changed since (or there is none, as under jest), the schema is compiled here as before.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { kitRoot } from '../project/kitRoot';

type Schema = Record<string, unknown>;

/** ajv's options for the schema, shared by the runtime compile and the precompile. */
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/** The kit's own folder (this repository, or node_modules/handoff-kit in a user's project). */
const ROOT = kitRoot();
export const SCHEMA_FILE = path.join(ROOT, 'schemas', 'handoff.config.schema.json');
/** Beside the compiled CLI: dist/schemas/handoff.config.validator.js. */
export const PRECOMPILED_FILE = path.join(ROOT, 'dist', 'schemas', 'handoff.config.validator.js');

export const schemaHash = (text: string): string => createHash('sha256').update(text).digest('hex');

let compiled: { validate: ValidateFunction; schema: Schema; precompiled: boolean } | undefined;

/** The validator: precompiled when it was made from this very schema, compiled by ajv otherwise. */
export function schemaValidator(): { validate: ValidateFunction; schema: Schema; precompiled: boolean } {
  if (compiled) return compiled;
  const text = fs.readFileSync(SCHEMA_FILE, 'utf8');
  const schema = JSON.parse(text) as Schema;
  const pre = loadPrecompiled(schemaHash(text));
  compiled = pre
    ? { validate: pre, schema, precompiled: true }
    : { validate: compileSchema(schema), schema, precompiled: false };
  return compiled;
}

function loadPrecompiled(hash: string): ValidateFunction | undefined {
  if (!fs.existsSync(PRECOMPILED_FILE)) return undefined;
  const mod = require(PRECOMPILED_FILE) as ValidateFunction & { schemaSha256?: string };
  return mod.schemaSha256 === hash ? mod : undefined;
}

export function compileSchema(schema: Schema): ValidateFunction {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  return new Ajv(AJV_OPTIONS).compile(schema);
}

/** The standalone module source of the schema's validator, stamped with the schema's hash. */
export function precompiledSource(schemaText: string): string {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const standalone = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const validate = ajv.compile(JSON.parse(schemaText) as Schema);
  return `${standalone(ajv, validate)}\nmodule.exports.schemaSha256 = ${JSON.stringify(schemaHash(schemaText))};\n`;
}
