/**
 * One truth for field lengths: the length of the MessagingSession field each attribute type makes,
 * used by the model (field and channel parameter maxLength), the config checks and the validator,
 * so `build` never writes what `validate` then rejects.
 *
 * Source: Salesforce Help, "Custom Field Types" (`custom_field_types`): Email 80 characters,
 * Phone 40, URL 255 (fixed, no <length> in the metadata); Text 1–255; Long Text Area 256–131,072.
 */
import type { FieldType } from '../config/types';

/** Lengths of the types that take no `<length>`: the platform fixes them. */
export const FIXED_FIELD_LENGTH: Readonly<Record<string, number>> = { Email: 80, Phone: 40, Url: 255 };

/** The length a type gets when the config gives none. */
export const DEFAULT_FIELD_LENGTH: Readonly<Record<FieldType, number>> = {
  Text: 255,
  LongTextArea: 32768,
  ...(FIXED_FIELD_LENGTH as Record<'Email' | 'Phone' | 'Url', number>)
};

/** Whether the type takes a `<length>` element (Text and LongTextArea). */
export function takesLength(type: string): boolean {
  return type === 'Text' || type === 'LongTextArea';
}

/**
 * The characters a field of `type` holds: the fixed length for Email/Phone/Url (a configured length
 * is ignored there: the platform ignores it too), else `length`, else the type's default.
 */
export function fieldLength(type: string, length?: number): number {
  const fixed = FIXED_FIELD_LENGTH[type];
  if (fixed !== undefined) return fixed;
  if (length !== undefined && Number.isFinite(length)) return length;
  return DEFAULT_FIELD_LENGTH[type as FieldType] ?? DEFAULT_FIELD_LENGTH.Text;
}
