/**
 * Every generator, in one list. `handoff build` runs them all on the resolved model and writes the
 * files under force-app/generated; each generator module writes one metadata type.
 */
import { hasMiaw, type ProjectModel } from '../model/types';
import * as attributeMetadata from './attributeMetadata';
import * as choiceLists from './choiceLists';
import * as caseFields from './caseFields';
import * as caseFieldSet from './caseFieldSet';
import * as cspTrustedSites from './cspTrustedSites';
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
import * as calloutCredential from './calloutCredential';
import type { GeneratedFile, Generator, ProjectGenerator } from './types';

/** A generator module: one metadata type from the resolved model. */
export interface GeneratorModule {
  generate: Generator;
}

/** A generator module of the vendor's half: it runs for every project. */
export interface ProjectGeneratorModule {
  generate: ProjectGenerator;
}

/** What every project generates, vendorFlow without a channel included; a new module is added here or below. */
export const PROJECT_GENERATORS: readonly ProjectGeneratorModule[] = [
  fields,
  permissionSets,
  attributeMetadata,
  externalClientApp,
  caseFields,
  caseFieldSet
];

/** The MIAW half's generators (channel, deployment, flow, queues…): only when the project has `channel`. */
export const GENERATORS: readonly GeneratorModule[] = [
  queues,
  presenceStatus,
  presenceUserConfig,
  keySet,
  messagingChannel,
  choiceLists,
  embeddedServiceConfig,
  flow,
  calloutCredential,
  cspTrustedSites
];

export function generateAll(model: ProjectModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const { generate } of PROJECT_GENERATORS) files.push(...generate(model));
  if (hasMiaw(model)) for (const { generate } of GENERATORS) files.push(...generate(model));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`internal: two generators write ${f.path}`);
    seen.add(f.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
