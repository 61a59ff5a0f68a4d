/**
 * The key prefix (an Id's first three characters) of standard objects a user may mistake for the
 * kit's records: fixed by Salesforce for standard objects, while a custom object's differs per org.
 */
const STANDARD_KEY_PREFIXES: Record<string, string> = {
  // Public Apex on ContentDocumentLink tells a messaging session's files by LinkedEntityId.startsWith('0Mw').
  '0Mw': 'MessagingSession'
};

/** The standard object whose Ids start like `id`, if it is one of those above. */
export function standardObjectOfId(id: string): string | undefined {
  return STANDARD_KEY_PREFIXES[id.slice(0, 3)];
}
