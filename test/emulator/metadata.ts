/**
 * The SOAP Metadata API of the emulated org (work in progress: filled in by the next commit).
 */
import type { Handler } from "./router";

export interface MetadataSettings {
  deployPolls: number;
  failComponents: Array<{
    type: string;
    fullName: string;
    problem: string;
    lineNumber?: number;
  }>;
  emptyMappingsOnRead: boolean;
}

export function metadataHandler(_settings: MetadataSettings): Handler {
  return () => undefined;
}
