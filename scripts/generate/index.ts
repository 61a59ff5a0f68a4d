/**
 * Every generator, in one list. `handoff build` runs them all on the resolved model and writes the
 * files under force-app/generated; each generator module writes one metadata type.
 */
import type { HandoffModel } from '../model/types';
import * as attributeMetadata from './attributeMetadata';
import * as caseFields from './caseFields';
import * as embeddedServiceConfig from './embeddedServiceConfig';
import * as externalClientApp from './externalClientApp';
import * as fields from './fields';
import * as flow from './flow';
import * as keySet from './keySet';
import * as messagingChannel from './messagingChannel';
import * as permissionSets from './permissionSets';
import * as presenceStatus from './presenceStatus';
import * as presenceUserConfig from './presenceUserConfig';
import * as queues from './queues';
import * as remoteSite from './remoteSite';
import type { GeneratedFile, Generator } from './types';

/** A generator module: one metadata type from the resolved model. */
export interface GeneratorModule {
  generate: Generator;
}

/** The generators in the order they run; a new generator module is added here (docs/architecture.md). */
export const GENERATORS: readonly GeneratorModule[] = [
  fields,
  permissionSets,
  queues,
  presenceStatus,
  presenceUserConfig,
  keySet,
  messagingChannel,
  embeddedServiceConfig,
  flow,
  remoteSite,
  attributeMetadata,
  externalClientApp,
  caseFields
];

export function generateAll(model: HandoffModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const { generate } of GENERATORS) files.push(...generate(model));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`internal: two generators write ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
