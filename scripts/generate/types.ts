import type { Text } from '../project/writeFiles';
import type { HandoffModel, ProjectModel } from '../model/types';

/** One file a generator writes, relative to the generated package folder (force-app/generated). */
export interface GeneratedFile {
  /** Source-format path with forward slashes, e.g. `objects/MessagingSession/fields/plan__c.field-meta.xml`. */
  path: string;
  /** The whole text; a file made of `pieces` joins them on each read (tests), build reads the pieces. */
  readonly content: string;
  /**
   * A large file's text in pieces of about 32 KB, which build writes, compares and hashes without
   * one whole string (the 10,000-attribute flow is 38 MB, issue 15).
   */
  readonly pieces?: readonly string[];
}

/** A generated file kept in pieces. */
export function fileInPieces(path: string, pieces: readonly string[]): GeneratedFile {
  return {
    path,
    pieces,
    get content() {
      return pieces.join('');
    }
  };
}

/** A generated file's text, whole or in pieces, as build writes, compares and hashes it. */
export const textOf = (file: GeneratedFile): Text => file.pieces ?? file.content;

/** A generator: one metadata type (or one tightly bound family of files) from the resolved model. */
export type Generator = (model: HandoffModel) => GeneratedFile[];

/** A generator of the vendor's half, which every project has (with or without the MIAW half). */
export type ProjectGenerator = (model: ProjectModel) => GeneratedFile[];
