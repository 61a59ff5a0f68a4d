/**
 * The Case field set the context component shows on Case pages: the Case fields the vendor writes
 * (`caseFields`, in config order) and then those the kit's flow fills from attributes
 * (`fallback.case.fields`). A field set, not the Case layout: the org's own layouts stay untouched,
 * and an admin can reorder or extend the list in Setup (Object Manager → Case → Field Sets).
 */
import type { HandoffConfig } from '../config/types';
import type { ResolvedCaseFieldValue, VendorHalf } from './types';

export const CASE_FIELD_SET = { name: 'Handoff_Case_Context', label: 'Hand-off Case Context' } as const;

export function caseFieldSet(config: HandoffConfig, flowFilled: ResolvedCaseFieldValue[]): VendorHalf['caseFieldSet'] {
  const vendorWritten = (config.caseFields ?? []).map((f) => `${f.name}__c`);
  return { ...CASE_FIELD_SET, fields: [...new Set([...vendorWritten, ...flowFilled.map((v) => v.field)])] };
}
