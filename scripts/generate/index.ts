/**
 * Every generator, in one list. `handoff build` runs them all on the resolved model and writes the
 * files under force-app/generated; each generator module writes one metadata type.
 */
import type { HandoffModel } from '../model/types';
import type { GeneratedFile, Generator } from './types';

/** Loaded lazily so a missing generator module during development fails loudly with its name. */
const GENERATOR_MODULES = [
  './fields',
  './permissionSets',
  './queues',
  './presenceStatus',
  './presenceUserConfig',
  './messagingChannel',
  './embeddedServiceConfig',
  './flow',
  './remoteSite',
  './attributeMetadata'
];

export function generateAll(model: HandoffModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const mod of GENERATOR_MODULES) {
    const generate = (require(mod) as { generate: Generator }).generate;
    files.push(...generate(model));
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`internal: two generators write ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
