/**
 * Limits a real org enforces on what the kit generates, each with the number and where it comes
 * from, so validate can say both. Shared by the config (`org.edition`) and validate's limits rules.
 */

/** Editions that have Messaging for In-App and Web (Salesforce Help, "Messaging for In-App and Web", Required Editions). */
export const MIAW_EDITIONS = ['enterprise', 'performance', 'unlimited', 'developer'] as const;
export type OrgEdition = (typeof MIAW_EDITIONS)[number];

/** The lowest edition with MIAW: the default when the config names none. */
export const DEFAULT_EDITION: OrgEdition = 'enterprise';

export const CUSTOM_FIELDS_SOURCE = 'Salesforce Help, "Custom Fields Allowed Per Object" (custom_field_allocations)';
/** Custom fields an admin may create on one object, by edition (managed packages aside). */
export const CUSTOM_FIELDS_PER_OBJECT: Readonly<Record<OrgEdition, number>> = {
  enterprise: 500,
  developer: 500,
  performance: 800,
  unlimited: 800
};

export const DEPLOY_FILES_SOURCE = 'Metadata API Developer Guide, "Metadata Limits" (meta_limits)';
/** Files one deploy or retrieve may carry. */
export const MAX_DEPLOY_FILES = 10_000;

export const FLOW_ELEMENTS_SOURCE =
  'Salesforce Help, "General Flow Limits" (flow_considerations_limit); removed for flows at API 57.0 or later (Spring \'23 release notes)';
/** Elements one flow interview may execute, for flows below API 57.0. */
export const MAX_EXECUTED_FLOW_ELEMENTS = 2000;
export const FLOW_ELEMENT_LIMIT_UNTIL_API = 57;

export const FIELD_LENGTH_SOURCE = 'Salesforce Help, "Custom Field Types" (custom_field_types)';
/** Length ranges of the field types that take a `<length>`. */
export const FIELD_LENGTH_RANGE: Readonly<Record<string, [number, number]>> = {
  Text: [1, 255],
  LongTextArea: [256, 131072]
};
