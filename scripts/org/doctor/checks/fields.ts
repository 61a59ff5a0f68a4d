/** MessagingSession fields: each in the org, readable by the agent permission set, editable by the flow's. */
import { DEPLOY_FIX, listCheck } from '../check';
import type { CheckFamily } from './family';

const G = 'MessagingSession fields';

export const fields: CheckFamily = {
  name: 'fields',
  checks(model, s) {
    const agent = model.permissionSets.agent.name;
    const flowUser = model.permissionSets.flow.name;
    const missing: string[] = [];
    const noRead: string[] = [];
    const noEdit: string[] = [];
    for (const a of model.attributes) {
      const api = a.field.apiName;
      if (!s.fields.names.has(api)) {
        missing.push(api);
        continue;
      }
      const perms = s.fields.permissions.get(`MessagingSession.${api}`);
      if (!perms?.get(agent)?.read) noRead.push(api);
      if (!perms?.get(flowUser)?.edit) noEdit.push(api);
    }
    return [
      listCheck(
        G,
        'fields.exist',
        missing,
        `${model.attributes.length} fields present`,
        'Fields missing on MessagingSession',
        DEPLOY_FIX
      ),
      listCheck(
        G,
        'fields.agentAccess',
        noRead,
        `${agent} can read every field`,
        `${agent} cannot read`,
        `${DEPLOY_FIX} (the generated ${agent} grants read access).`
      ),
      listCheck(
        G,
        'fields.flowAccess',
        noEdit,
        `${flowUser} can edit every field`,
        `${flowUser} (the flow's running user) cannot edit`,
        `${DEPLOY_FIX} (the generated ${flowUser} grants edit access).`
      )
    ];
  }
};
