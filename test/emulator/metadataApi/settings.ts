/** What a test may set on the emulated Metadata API: its pace, injected failures, coverage, the trap, the strict rules. */
import { defaultStrictSettings, type StrictSettings } from '../deployRules';

export interface MetadataSettings {
  /** Status polls a deploy answers "InProgress" before it is done. */
  deployPolls: number;
  /** Components the next deploys fail with this problem (stays until removed). */
  failComponents: Array<{
    type: string;
    fullName: string;
    problem: string;
    lineNumber?: number;
    columnNumber?: number;
  }>;
  /** Apex test methods that fail (stays until removed). */
  failTests: Array<{ name: string; methodName: string; message: string; line?: number }>;
  /** Covered share of each Apex class's lines, by class name (default 1). */
  coverage: Record<string, number>;
  /** readMetadata/retrieve of a MessagingChannel drop every custom parameter's mappings (the platform trap). */
  emptyMappingsOnRead: boolean;
  /** Where the platform's behaviour is not known for sure (deployRules/types.ts, README "Deploy rules"). */
  strict: StrictSettings;
}

export function defaultMetadataSettings(deployPolls = 1): MetadataSettings {
  return {
    deployPolls,
    failComponents: [],
    failTests: [],
    coverage: {},
    emptyMappingsOnRead: false,
    strict: defaultStrictSettings()
  };
}
