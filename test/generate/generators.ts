/** The generator modules this folder's tests cover (everything except the flow, tested separately). */
import { generate as attributeMetadata } from '../../scripts/generate/attributeMetadata';
import { generate as embeddedServiceConfig } from '../../scripts/generate/embeddedServiceConfig';
import { generate as fields } from '../../scripts/generate/fields';
import { generate as keySet } from '../../scripts/generate/keySet';
import { generate as messagingChannel } from '../../scripts/generate/messagingChannel';
import { generate as permissionSets } from '../../scripts/generate/permissionSets';
import { generate as presenceStatus } from '../../scripts/generate/presenceStatus';
import { generate as queues } from '../../scripts/generate/queues';
import { generate as remoteSite } from '../../scripts/generate/remoteSite';
import type { Generator } from '../../scripts/generate/types';

export const GENERATOR_FILES: Generator[] = [
  fields,
  permissionSets,
  queues,
  presenceStatus,
  keySet,
  messagingChannel,
  embeddedServiceConfig,
  remoteSite,
  attributeMetadata
];
