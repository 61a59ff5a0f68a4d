/**
 * What a config rule sees: the parsed config (its shape may still be wrong where the schema check
 * failed, so rules test each value they read), the names other sections refer to, and `add`.
 */
import { closest } from '../closest';
import type { HandoffConfig } from '../types';

export interface ConfigRuleContext {
  config: HandoffConfig;
  /** The keys of the attributes that have a string key, in order. */
  attributeKeys: string[];
  /** The developer names of the queues that have one, in order. */
  queueNames: string[];
  /** Reports a problem at a JSON path (segments), with what is wrong and how to fix it. */
  add(segments: (string | number)[], message: string, fix: string): void;
}

/** One family of rules across config sections (references, per-type limits) the schema cannot express. */
export type ConfigRule = (ctx: ConfigRuleContext) => void;

/** A queue named at `segments` must be one of "queues" (checked only when queues are listed). */
export function checkQueueReference(ctx: ConfigRuleContext, segments: (string | number)[], name: unknown): void {
  const queues = ctx.queueNames;
  if (typeof name !== 'string' || !queues.length || queues.includes(name)) return;
  const hint = closest(name, queues);
  ctx.add(
    segments,
    `queue "${name}" is not listed in "queues"`,
    hint ? `did you mean "${hint}"?` : `add { "developerName": "${name}" } to "queues"`
  );
}

/** An attribute key named at `segments` must be the key of an attribute (checked only when attributes are listed). */
export function checkAttributeReference(
  ctx: ConfigRuleContext,
  segments: (string | number)[],
  key: unknown,
  fixWhenNoHint: string
): void {
  if (typeof key !== 'string' || !ctx.attributeKeys.length || ctx.attributeKeys.includes(key)) return;
  const hint = closest(key, ctx.attributeKeys);
  ctx.add(segments, `"${key}" is not the key of any attribute`, hint ? `did you mean "${hint}"?` : fixWhenNoHint);
}
