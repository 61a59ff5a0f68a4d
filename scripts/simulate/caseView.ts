/**
 * The Case a simulated interview created, as an agent would open it: every field the flow set (the
 * Description whole), who owns it, which Contact it names and which messaging sessions link to it
 * (MessagingSession.CaseId: the Case's Messaging Sessions related list, with the conversation).
 */
import type { FlowRecord, FlowValue } from './flow/model';
import type { Org } from './flow/org';

export interface CaseView {
  id: string;
  caseNumber: string;
  /** Fields as created, by API name (sorted), without Id, CaseNumber and CreatedDate. */
  fields: Record<string, FlowValue>;
  /** The owning queue's DeveloperName (or the owner Id when it is not a queue in the org). */
  owner?: string;
  /** The Contact the Case names, or null when it names none. */
  contact: { id: string; name: string; email?: string } | null;
  /** Messaging sessions whose CaseId is this Case. */
  sessions: string[];
}

const SYSTEM_FIELDS = new Set(['Id', 'CaseNumber', 'CreatedDate']);

const text = (v: FlowValue | undefined): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function caseView(org: Org, record: FlowRecord): CaseView {
  const id = String(record.Id);
  const fields: Record<string, FlowValue> = {};
  for (const k of Object.keys(record).sort()) if (!SYSTEM_FIELDS.has(k)) fields[k] = record[k];
  const ownerId = text(record.OwnerId);
  const owner = ownerId ? org.byId(ownerId) : undefined;
  const contactId = text(record.ContactId);
  const contact = contactId ? org.byId(contactId)?.record : undefined;
  return {
    id,
    caseNumber: String(record.CaseNumber ?? ''),
    fields,
    ...(ownerId ? { owner: text(owner?.record.DeveloperName) ?? ownerId } : {}),
    contact: contact
      ? {
          id: String(contact.Id),
          name: text(contact.Name) ?? '',
          ...(text(contact.Email) ? { email: text(contact.Email) } : {})
        }
      : null,
    sessions: org
      .records(org.object('MessagingSession'))
      .filter((s) => s.CaseId === id)
      .map((s) => String(s.Id))
  };
}

/** The Case for reading: one line per field, the Description line by line, then the links. */
export function caseViewLines(c: CaseView): string[] {
  const out = [`Case ${c.caseNumber} (${c.id}) as created:`];
  for (const [k, v] of Object.entries(c.fields)) {
    if (k === 'Description' || k === 'ContactId' || k === 'OwnerId') continue;
    out.push(`  ${k}: ${v === null ? '(empty)' : String(v)}`);
  }
  out.push(`  Owner: ${c.owner ? `queue ${c.owner}` : '(none)'}`);
  out.push(
    `  Contact: ${c.contact ? `${c.contact.name || c.contact.id} (${c.contact.id}${c.contact.email ? `, ${c.contact.email}` : ''})` : '(none)'}`
  );
  out.push(`  Messaging sessions: ${c.sessions.length ? c.sessions.join(', ') : '(none linked)'}`);
  const d = c.fields.Description;
  if (typeof d === 'string' && d) {
    out.push('  Description:');
    for (const line of d.split('\n')) out.push(`    ${line}`);
  } else out.push('  Description: (empty)');
  return out;
}
