/**
 * Every grant of the vendor's integration permission set, each with the config entry that explains
 * it. The generator writes exactly these; the validator's `integration/least-privilege` rule fails
 * on any grant in the file that is not in this list.
 */
import type { ProjectModel } from './types';
import { SYNCED_OBJECTS } from './integration';

export interface FieldGrant {
  field: string;
  editable: boolean;
}

export interface ObjectAccess {
  object: string;
  create?: boolean;
  edit?: boolean;
}

export interface IntegrationGrants {
  fields: FieldGrant[];
  objects: ObjectAccess[];
  /** `ApiEnabled`: the client credentials flow issues a token for API calls only. */
  userPermissions: string[];
  /** Why each grant is there (`Case.Subject` → `integration.pushFields.Case`), for the validator's messages. */
  reasons: Map<string, string>;
}

export function integrationGrants(model: ProjectModel): IntegrationGrants {
  const integration = model.integration;
  const reasons = new Map<string, string>();
  if (!integration) return { fields: [], objects: [], userPermissions: [], reasons };
  const fields: FieldGrant[] = [];
  for (const o of SYNCED_OBJECTS) {
    const edit = new Set(integration.editFields[o]);
    for (const f of integration.readFields[o]) {
      fields.push({ field: `${o}.${f}`, editable: edit.has(f) });
      const caseField = o === 'Case' && model.caseFields.some((c) => c.apiName === f);
      reasons.set(
        `${o}.${f}`,
        caseField ? 'caseFields' : edit.has(f) ? `integration.pushFields.${o}` : `integration.syncFields.${o}`
      );
    }
  }
  reasons.set('object:Case', 'the vendor creates Cases (integration)');
  reasons.set('object:Contact', 'integration.syncFields.Contact');
  reasons.set('user:ApiEnabled', 'the client credentials flow (integration)');
  return {
    fields,
    objects: [
      { object: 'Case', create: true, edit: true },
      { object: 'Contact', edit: integration.editFields.Contact.length > 0 }
    ],
    userPermissions: ['ApiEnabled'],
    reasons
  };
}
