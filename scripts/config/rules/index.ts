/**
 * The config's semantic rules, one module per family, in the order their problems are reported
 * (after the schema's). A new config section adds its module here (docs/architecture.md).
 */
import * as agents from './agents';
import * as attributes from './attributes';
import * as channel from './channel';
import * as contactMatching from './contactMatching';
import type { ConfigRule } from './context';
import * as endConversation from './endConversation';
import * as fallback from './fallback';
import * as integration from './integration';
import * as queues from './queues';
import * as routing from './routing';

export const CONFIG_RULES: readonly { check: ConfigRule }[] = [
  attributes,
  routing,
  fallback,
  agents,
  queues,
  contactMatching,
  endConversation,
  integration,
  channel
];
