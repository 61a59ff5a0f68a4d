/**
 * Platform facts about the standard Case fields the hand-off flow may fill from an attribute
 * (`fallback.case.fields`). Lengths are the Case describe's (SOAP API Developer Guide, Case object:
 * Subject string(255), SuppliedName string(80), SuppliedPhone string(40), SuppliedCompany string(80));
 * Priority, Reason and Type are picklists: a value outside an org's restricted value set fails the
 * Create Case element, whose fault path routes the conversation to the fallback queue.
 */

/** Standard Case fields a mapping may name, with the characters each holds (undefined: a picklist). */
export const MAPPABLE_CASE_FIELDS: Readonly<Record<string, number | undefined>> = {
  Priority: undefined,
  Reason: undefined,
  Subject: 255,
  SuppliedCompany: 80,
  SuppliedName: 80,
  SuppliedPhone: 40,
  Type: undefined
};

/** Case fields the flow always sets itself (a mapping may not name them). */
export const FLOW_SET_CASE_FIELDS: readonly string[] = [
  'ContactId',
  'Description',
  'Origin',
  'OwnerId',
  'SuppliedEmail'
];
