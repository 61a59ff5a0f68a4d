/**
 * A DoctorSnapshot of an org that has everything the model asks for: every check family passes on it
 * (families.test.ts holds that), so a family's test breaks one thing and expects exactly that finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { authorizationFormula, PRINCIPAL_ACCESS_NAME, SETTINGS_TYPE } from '../../../scripts/contract';
import type { HandoffConfig } from '../../../scripts/config/types';
import { resolveModel } from '../../../scripts/model/resolve';
import type { HandoffModel } from '../../../scripts/model/types';
import type { Check } from '../../../scripts/org/doctor/check';
import type { CheckFamily } from '../../../scripts/org/doctor/checks/index';
import type { DoctorSnapshot, FlowShape } from '../../../scripts/org/doctor/snapshot';

const ROOT = path.resolve(__dirname, '../../..');

/** The project's example config: it has every optional section (End Conversation, the vendor app, standard parameters). */
export function exampleModel(): HandoffModel {
  return resolveModel(JSON.parse(fs.readFileSync(path.join(ROOT, 'handoff.config.json'), 'utf8')) as HandoffConfig);
}

const AGENT = '005000000000001';

export function healthySnapshot(m: HandoffModel): DoctorSnapshot {
  const flow: FlowShape = {
    inputVariables: ['recordId', ...m.attributes.map((a) => a.name)],
    elements: ['recordUpdates:Update_Session']
  };
  const perms = new Map(
    m.attributes.map((a) => [
      `MessagingSession.${a.field.apiName}`,
      new Map([
        [m.permissionSets.agent.name, { read: true, edit: false }],
        [m.permissionSets.flow.name, { read: true, edit: true }]
      ])
    ])
  );
  const formFields = m.attributes
    .filter((a) => !a.standard)
    .map((a) => ({ formField: a.formField, isHidden: a.hidden, parameterType: 'Custom' }));
  const cred = m.calloutCredential;
  return {
    channel: {
      exists: true,
      isActive: true,
      sessionHandlerFlow: m.flow.apiName,
      customParameters: m.attributes
        .filter((a) => !a.standard)
        .map((a) => ({ name: a.name, externalParameterName: a.key, mappings: [a.name] })),
      standardParameters: m.attributes
        .filter((a) => a.standard)
        .map((a) => ({ parameterType: a.standard!, mappings: [a.name] }))
    },
    deployment: {
      exists: true,
      forms: [{ isActive: true, fields: formFields }],
      published: { formFields: formFields.map((f) => f.formField) }
    },
    flow: { exists: true, activeVersion: 2, latestVersion: 2, active: flow, project: flow },
    fields: { names: new Set(m.attributes.map((a) => a.field.apiName)), permissions: perms },
    queues: m.queues.map((q) => ({
      developerName: q.developerName,
      routingConfigId: '0K9x',
      sobjects: ['MessagingSession']
    })),
    endConversation: { settings: { [SETTINGS_TYPE.fields.organisationId]: 'org-1' }, failures: [] },
    channelSettings: {
      org: { 'embeddedConfig.authMode': 'UnAuth' },
      project: { settings: { 'embeddedConfig.authMode': 'UnAuth' } }
    },
    credential: cred && {
      external: { principals: [cred.principal], authorization: authorizationFormula(cred.externalCredential) },
      named: { url: cred.url, externalCredential: cred.externalCredential },
      principalAccess: [PRINCIPAL_ACCESS_NAME],
      tokenSet: true
    },
    publish: {
      record: { fingerprint: 'f1', publishedAt: '2026-12-01T10:00:00.000Z', apiVersion: '66.0' },
      orgFingerprint: 'f1'
    },
    agents: {
      members: new Map(m.queues.map((q) => [q.developerName, [AGENT]])),
      users: new Map([[AGENT, { username: 'agent@example.com', active: true }]]),
      licenced: new Set([AGENT]),
      assigned: new Set([AGENT]),
      grantsPermission: true,
      presenceStatusGranted: true,
      presenceConfigExists: true,
      presenceConfigUsers: new Set([AGENT])
    },
    integration: m.integration && {
      appExists: true,
      globalClientCredentials: true,
      policies: { clientCredentials: true, runAsUser: 'vendor@example.com' },
      runAsUser: { id: '005000000000009', active: true },
      holdsPermissionSet: true
    }
  };
}

/** The checks of `family` that did not pass, as `id: message`. */
export function findings(family: CheckFamily, m: HandoffModel, s: DoctorSnapshot): Check[] {
  return family.checks(m, s).filter((c) => c.status !== 'pass');
}
