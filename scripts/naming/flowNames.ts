/**
 * Names inside the generated Omni-Channel flow that are not attribute names. Flow elements and
 * resources share one namespace, so every internal name starts with FLOW_INTERNAL_PREFIX and the
 * naming contract keeps attribute names out of that prefix.
 */
export const FLOW_INTERNAL_PREFIX = 'HK_';
/** The flow's input holding the MessagingSession Id (case-exact, set by the platform). */
export const RECORD_ID = 'recordId';
export const FLOW_RESERVED_NAMES = [RECORD_ID];
