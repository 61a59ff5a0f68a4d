/**
 * Runtime validation of handoff.config.json: the JSON Schema (shape, types, enums; schemaMessages.ts)
 * and the rules a schema cannot express (references between sections, per-type limits; rules/).
 * Reports every problem at once, each with its JSON path, what is wrong and how to fix it.
 */
import type { Problem } from '../project/errors';
import { jsonPath } from './jsonPath';
import { CONFIG_RULES } from './rules/index';
import type { ConfigRuleContext } from './rules/context';
import { schemaProblems } from './schemaMessages';
import type { HandoffConfig } from './types';

/** Cross-section rules the schema cannot express. Each reads only parts whose shape is already right. */
function semanticProblems(file: string, c: HandoffConfig): Problem[] {
  const out: Problem[] = [];
  const ctx: ConfigRuleContext = {
    config: c,
    attributeKeys: Array.isArray(c.attributes)
      ? c.attributes.filter((a) => a && typeof a.key === 'string').map((a) => a.key)
      : [],
    queueNames: Array.isArray(c.queues)
      ? c.queues.filter((q) => q && typeof q.developerName === 'string').map((q) => q.developerName)
      : [],
    add(segments, message, fix) {
      out.push({ file, path: jsonPath(segments), message, fix });
    }
  };
  for (const rule of CONFIG_RULES) rule.check(ctx);
  return out;
}

/** Every problem in a parsed config, in document order of the schema check, then cross-section rules. */
export function validateConfig(data: unknown, file: string): Problem[] {
  const problems = schemaProblems(data, file);
  if (data && typeof data === 'object' && !Array.isArray(data))
    problems.push(...semanticProblems(file, data as HandoffConfig));
  return problems;
}
