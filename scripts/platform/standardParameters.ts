/**
 * The messaging channel's standard parameters (MessagingChannelStandardParameterType in the
 * Metadata API WSDL 66.0: FirstName, LastName, Email, Subject), the vendor keys that stand for them
 * and the pre-chat formField Salesforce gives each (`_FirstName`…). Named here once for the
 * resolver, the validator, the simulator and the emulator.
 */

export const STANDARD_PARAMETERS = ['FirstName', 'LastName', 'Email', 'Subject'] as const;

export type StandardParameter = (typeof STANDARD_PARAMETERS)[number];

const BY_VENDOR_KEY = new Map<string, StandardParameter>(STANDARD_PARAMETERS.map((p) => [`_${p.toLowerCase()}`, p]));

/** The standard parameter a vendor key stands for (case-insensitive: `_firstName`, `_FirstName` → FirstName), if any. */
export function standardParameterFor(key: string): StandardParameter | undefined {
  return BY_VENDOR_KEY.get(key.toLowerCase());
}

/** The vendor key that stands for a standard parameter, as vendors send it (`_firstName`). */
export function standardVendorKey(p: StandardParameter): string {
  return `_${p[0].toLowerCase()}${p.slice(1)}`;
}

/** The pre-chat formField of a standard parameter, as Salesforce names it (`_FirstName`). */
export function standardFormField(p: StandardParameter): string {
  return `_${p}`;
}

const FORM_FIELDS = new Set<string>(STANDARD_PARAMETERS.map(standardFormField));

/** Whether a pre-chat formField is one of the standard fields (case-exact, as the platform writes them). */
export function isStandardFormField(formField: string): boolean {
  return FORM_FIELDS.has(formField);
}
