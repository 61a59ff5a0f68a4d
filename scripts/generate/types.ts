import type { HandoffModel, ProjectModel } from '../model/types';

/** One file a generator writes, relative to the generated package folder (force-app/generated). */
export interface GeneratedFile {
  /** Source-format path with forward slashes, e.g. `objects/MessagingSession/fields/plan__c.field-meta.xml`. */
  path: string;
  content: string;
}

/** A generator: one metadata type (or one tightly bound family of files) from the resolved model. */
export type Generator = (model: HandoffModel) => GeneratedFile[];

/** A generator of the vendor's half, which every project has (with or without the MIAW half). */
export type ProjectGenerator = (model: ProjectModel) => GeneratedFile[];
