/**
 * End Conversation: the settings record (1 Metadata API read) and the failures of the last days
 * (1 query; the object may not be deployed yet). Nothing when the config has no End Conversation.
 */
import { FAILURE_OBJECT } from '../../../contract';
import type { HandoffModel } from '../../../model/types';
import { settingsFullName } from '../../seedPlan';
import { asArray, asText, queryAll, readMeta, type OrgCaller } from '../../doctorSoql';
import { FAILURE_DAYS, type EndConversationSnapshot } from '../snapshot';

type Meta = Record<string, unknown>;

export async function readEndConversation(org: OrgCaller, model: HandoffModel): Promise<EndConversationSnapshot> {
  if (!model.endConversation) return {};
  const out: EndConversationSnapshot = {};
  const rec = await readMeta(org, 'CustomMetadata', settingsFullName());
  if (rec) {
    out.settings = {};
    for (const v of asArray(rec.values as Meta[] | Meta | undefined)) out.settings[String(v.field)] = asText(v.value);
  }
  try {
    const rows = await queryAll<{ Id: string; CreatedDate: string }>(
      org,
      `SELECT Id, CreatedDate, Error_Type__c, Status_Code__c FROM ${FAILURE_OBJECT} WHERE CreatedDate = LAST_N_DAYS:${FAILURE_DAYS} ORDER BY CreatedDate DESC LIMIT 200`
    );
    out.failures = rows.map((r) => ({ id: r.Id, createdDate: r.CreatedDate }));
  } catch (e) {
    if ((e as { errorCode?: string }).errorCode !== 'INVALID_TYPE') throw e;
  }
  return out;
}
