/**
 * Three permission sets. A field without field-level security is invisible to describe, to Flow
 * Builder and to agents, so every attribute field is granted here:
 * - agent: read on every field (and on the vendor's Case fields), the hand-off presence status,
 *   Enhanced Chat Rep (EmbeddedMessagingAgent), the context LWC's controller, the attribute records;
 * - flow (the routing flow's running user): read + edit on every field, the Apex actions, the
 *   End Conversation credential's principal (callouts only: nobody reads the token),
 *   settings and attribute types, Case create (and edit on the vendor Case fields it fills) when the
 *   flow creates Cases, Contact read (create) when contact matching is on;
 * - integration (the vendor's Run-As user, see model/integrationGrants.ts): least privilege, nothing else.
 * Children follow the WSDL's PermissionSet order; repeated blocks are sorted like retrieves.
 */
import {
  AGENT_ACCESS,
  ATTRIBUTE_TYPE,
  BUSINESS_HOURS,
  CONTEXT_LWC,
  END_CONVERSATION,
  PRINCIPAL_ACCESS_NAME,
  SETTINGS_TYPE
} from '../contract';
import { hasMiaw, type HandoffModel, type ProjectModel } from '../model/types';
import { el, leaf, renderXml, root, type XmlElement } from '../xml/write';
import { GRANT_MESSAGING_SESSION_OBJECT_ACCESS } from './assumptions';
import { MESSAGING_SESSION } from './fields';
import { integrationGrants, type FieldGrant, type ObjectAccess } from '../model/integrationGrants';
import type { GeneratedFile, ProjectGenerator } from './types';
import { byCodeUnit, fitText, GENERATED_BY } from './values';

/** PermissionSet.description is limited to 255 characters. */
const MAX_DESCRIPTION = 255;

interface PermissionSetSpec {
  name: string;
  label: string;
  description: string;
  classes: string[];
  metadataTypes: string[];
  fields: FieldGrant[];
  objects: ObjectAccess[];
  presenceStatuses: string[];
  /** User permissions (the agent's Enhanced Chat Rep). */
  userPermissions: string[];
  /** `<ExternalCredential>-<principal>`: callouts through the credential, never reading its token. */
  principalAccesses: string[];
}

/** True when the generated flow creates Cases (no agent, or outside business hours). */
export function createsCases(model: HandoffModel): boolean {
  return model.fallback.whenNoAgent === 'case' || model.businessHours?.whenClosed === 'case';
}

function objectPermission(o: ObjectAccess): XmlElement {
  return el(
    'objectPermissions',
    leaf('allowCreate', o.create ?? false),
    leaf('allowDelete', false),
    leaf('allowEdit', o.edit ?? false),
    leaf('allowRead', true),
    leaf('modifyAllRecords', false),
    leaf('object', o.object),
    leaf('viewAllRecords', false)
  );
}

/** The attribute fields and End Conversation's outcome fields (the flow writes them, agents read them). */
function sessionFields(model: ProjectModel, editable: boolean): FieldGrant[] {
  const outcome = model.endOutcome ? [model.endOutcome.accepted, model.endOutcome.message] : [];
  return [...model.attributes.map((a) => a.field), ...outcome].map((f) => ({
    field: `${MESSAGING_SESSION}.${f.apiName}`,
    editable
  }));
}

function permissionSetXml(spec: PermissionSetSpec): string {
  return renderXml(
    root('PermissionSet', [
      [...spec.classes].sort(byCodeUnit).map((c) => el('classAccesses', leaf('apexClass', c), leaf('enabled', true))),
      [...spec.metadataTypes]
        .sort(byCodeUnit)
        .map((t) => el('customMetadataTypeAccesses', leaf('enabled', true), leaf('name', t))),
      leaf('description', fitText(spec.description, MAX_DESCRIPTION)),
      [...spec.principalAccesses]
        .sort(byCodeUnit)
        .map((p) =>
          el('externalCredentialPrincipalAccesses', leaf('enabled', true), leaf('externalCredentialPrincipal', p))
        ),
      [...spec.fields]
        .sort((a, b) => byCodeUnit(a.field, b.field))
        .map((f) =>
          el('fieldPermissions', leaf('editable', f.editable), leaf('field', f.field), leaf('readable', true))
        ),
      leaf('hasActivationRequired', false),
      leaf('label', spec.label),
      [...spec.objects].sort((a, b) => byCodeUnit(a.object, b.object)).map(objectPermission),
      [...spec.presenceStatuses]
        .sort(byCodeUnit)
        .map((s) => el('servicePresenceStatusAccesses', leaf('enabled', true), leaf('servicePresenceStatus', s))),
      [...spec.userPermissions]
        .sort(byCodeUnit)
        .map((p) => el('userPermissions', leaf('enabled', true), leaf('name', p)))
    ])
  );
}

export function agentSpec(model: ProjectModel): PermissionSetSpec {
  const miaw = hasMiaw(model);
  return {
    name: model.permissionSets.agent.name,
    label: model.permissionSets.agent.label,
    description: miaw
      ? `Agents who take hand-offs: read the hand-off fields on Messaging Session, go online with the hand-off presence status, Enhanced Chat Rep. ${GENERATED_BY}`
      : `Agents who work the vendor's Cases: read the Case fields the AI vendor writes. ${GENERATED_BY}`,
    classes: [CONTEXT_LWC.controller],
    metadataTypes: [ATTRIBUTE_TYPE.objectName],
    fields: [
      ...sessionFields(model, false),
      ...model.caseFields.map((f) => ({ field: `Case.${f.apiName}`, editable: false }))
    ],
    objects: miaw && GRANT_MESSAGING_SESSION_OBJECT_ACCESS ? [{ object: MESSAGING_SESSION }] : [],
    presenceStatuses: miaw ? [model.presenceStatus.developerName] : [],
    // Enhanced Chat Rep; assigning it needs the Enhanced Chat User licence first (seed does both).
    userPermissions: miaw ? [AGENT_ACCESS.userPermission] : [],
    principalAccesses: []
  };
}

/** The vendor's Case fields the flow fills from attributes (`fallback.case.fields`): the flow writes them when it creates the Case. */
function mappedCaseFields(model: HandoffModel): FieldGrant[] {
  if (!createsCases(model)) return [];
  const own = new Set(model.caseFields.map((f) => f.apiName));
  return model.fallback.caseFieldValues
    .filter((m) => own.has(m.field))
    .map((m) => ({ field: `Case.${m.field}`, editable: true }));
}

export function flowSpec(model: HandoffModel): PermissionSetSpec {
  const objects: ObjectAccess[] = [];
  if (GRANT_MESSAGING_SESSION_OBJECT_ACCESS) objects.push({ object: MESSAGING_SESSION, edit: true });
  if (createsCases(model)) objects.push({ object: 'Case', create: true });
  if (model.contactMatching)
    objects.push({
      object: 'Contact',
      create: model.contactMatching.createContact
    });
  return {
    name: model.permissionSets.flow.name,
    label: model.permissionSets.flow.label,
    description: `The hand-off flow's running user: write the hand-off fields, run the hand-off Apex actions. ${GENERATED_BY}`,
    classes: [END_CONVERSATION.className, BUSINESS_HOURS.className],
    metadataTypes: [SETTINGS_TYPE.objectName, ATTRIBUTE_TYPE.objectName],
    fields: [...sessionFields(model, true), ...mappedCaseFields(model)],
    objects,
    presenceStatuses: [],
    userPermissions: [],
    // The End Conversation job runs as the flow's user: it may call out through the principal.
    principalAccesses: model.calloutCredential ? [PRINCIPAL_ACCESS_NAME] : []
  };
}

/** The vendor's Run-As user: exactly `integrationGrants` (no Apex, no custom metadata, no settings). */
export function integrationSpec(model: ProjectModel): PermissionSetSpec {
  const g = integrationGrants(model);
  return {
    name: model.permissionSets.integration.name,
    label: model.permissionSets.integration.label,
    description: `The AI vendor's integration user (Run-As user of its External Client App): API access, read the synced Contact and Case fields, create Cases. ${GENERATED_BY}`,
    classes: [],
    metadataTypes: [],
    fields: g.fields,
    objects: g.objects,
    presenceStatuses: [],
    userPermissions: g.userPermissions,
    principalAccesses: []
  };
}

/** The flow's permission set only with the MIAW half: without it there is no routing flow to run. */
export const generate: ProjectGenerator = (model) =>
  [
    agentSpec(model),
    ...(hasMiaw(model) ? [flowSpec(model)] : []),
    ...(model.integration ? [integrationSpec(model)] : [])
  ].map((spec): GeneratedFile => ({
    path: `permissionsets/${spec.name}.permissionset-meta.xml`,
    content: permissionSetXml(spec)
  }));
