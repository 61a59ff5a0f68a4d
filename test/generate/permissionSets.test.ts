import { BUSINESS_HOURS, CONTEXT_LWC, END_CONVERSATION } from '../../scripts/contract';
import { generate } from '../../scripts/generate/permissionSets';
import type { XmlNode } from '../../scripts/xml/read';
import { children, exampleModel, modelOf, parsedFile, textOf } from './helpers';

function fieldGrants(doc: XmlNode): Record<string, { read: string; edit: string }> {
  return Object.fromEntries(
    children(doc, 'fieldPermissions').map((p) => [
      textOf(p, 'field')!,
      { read: textOf(p, 'readable')!, edit: textOf(p, 'editable')! }
    ])
  );
}

function objectGrants(doc: XmlNode): Record<string, Record<string, string>> {
  return Object.fromEntries(
    children(doc, 'objectPermissions').map((p) => [
      textOf(p, 'object')!,
      Object.fromEntries(p.children.filter((c) => c.name !== 'object').map((c) => [c.name, c.text]))
    ])
  );
}

const list = (doc: XmlNode, block: string, leaf: string) => children(doc, block).map((b) => textOf(b, leaf));

describe('permission sets generator', () => {
  const model = exampleModel();
  const files = generate(model);
  const agent = parsedFile(files, 'permissionsets/Handoff_Agent.permissionset-meta.xml');
  const flow = parsedFile(files, 'permissionsets/Handoff_Flow.permissionset-meta.xml');
  const integration = parsedFile(files, 'permissionsets/Handoff_Integration.permissionset-meta.xml');
  // Every attribute field and End Conversation's outcome fields (the example creates Cases).
  const allFields = [...model.attributes.map((a) => a.field.apiName), 'HK_End_Accepted__c', 'HK_End_Message__c']
    .map((n) => `MessagingSession.${n}`)
    .sort();

  it('writes exactly the agent, flow and integration permission sets', () => {
    expect(files.map((f) => f.path)).toEqual([
      'permissionsets/Handoff_Agent.permissionset-meta.xml',
      'permissionsets/Handoff_Flow.permissionset-meta.xml',
      'permissionsets/Handoff_Integration.permissionset-meta.xml'
    ]);
    for (const doc of [agent, flow, integration]) {
      expect(textOf(doc, 'hasActivationRequired')).toBe('false');
      expect(textOf(doc, 'description')!.length).toBeLessThanOrEqual(255);
    }
    expect(textOf(agent, 'label')).toBe(model.permissionSets.agent.label);
    expect(textOf(flow, 'label')).toBe(model.permissionSets.flow.label);
    expect(textOf(integration, 'label')).toBe(model.permissionSets.integration.label);
  });

  it("grants agents read-only access to every attribute and outcome field and to the vendor's Case fields", () => {
    const grants = fieldGrants(agent);
    expect(Object.keys(grants).sort()).toEqual(
      [...allFields, ...model.caseFields.map((f) => `Case.${f.apiName}`)].sort()
    );
    for (const g of Object.values(grants)) expect(g).toEqual({ read: 'true', edit: 'false' });
  });

  it("grants the flow's running user read and edit on every attribute and outcome field", () => {
    const grants = fieldGrants(flow);
    expect(Object.keys(grants).sort()).toEqual(allFields);
    for (const g of Object.values(grants)) expect(g).toEqual({ read: 'true', edit: 'true' });
  });

  it('gives agents the presence status, the context controller and the attribute records', () => {
    expect(
      children(agent, 'servicePresenceStatusAccesses').map((s) => [
        textOf(s, 'servicePresenceStatus'),
        textOf(s, 'enabled')
      ])
    ).toEqual([[model.presenceStatus.developerName, 'true']]);
    expect(list(agent, 'classAccesses', 'apexClass')).toEqual([CONTEXT_LWC.controller]);
    expect(list(agent, 'customMetadataTypeAccesses', 'name')).toEqual(['Handoff_Attribute__mdt']);
    expect(objectGrants(agent).MessagingSession).toMatchObject({
      allowRead: 'true',
      allowEdit: 'false',
      allowCreate: 'false'
    });
  });

  it("gives the flow's running user the Apex actions, both custom metadata types, Case create, and no Contact (the example matches none)", () => {
    expect(list(flow, 'classAccesses', 'apexClass')).toEqual(
      [BUSINESS_HOURS.className, END_CONVERSATION.className].sort()
    );
    expect(list(flow, 'customMetadataTypeAccesses', 'name')).toEqual([
      'Handoff_Attribute__mdt',
      'Handoff_Settings__mdt'
    ]);
    const objects = objectGrants(flow);
    expect(Object.keys(objects)).toEqual(['Case', 'MessagingSession']);
    expect(objects.Case).toMatchObject({
      allowCreate: 'true',
      allowRead: 'true',
      allowDelete: 'false',
      modifyAllRecords: 'false'
    });
    expect(objects.Contact).toBeUndefined();
    expect(objects.MessagingSession).toMatchObject({
      allowRead: 'true',
      allowEdit: 'true',
      allowCreate: 'false'
    });
    expect(children(flow, 'servicePresenceStatusAccesses')).toHaveLength(0);
  });

  it("gives the vendor's integration user API access, the synced fields and Case create and edit, nothing else", () => {
    expect(list(integration, 'userPermissions', 'name')).toEqual(['ApiEnabled']);
    for (const block of [
      'classAccesses',
      'customMetadataTypeAccesses',
      'customSettingAccesses',
      'servicePresenceStatusAccesses'
    ])
      expect(children(integration, block)).toHaveLength(0);
    const grants = fieldGrants(integration);
    expect(Object.keys(grants).some((f) => f.startsWith('MessagingSession.'))).toBe(false);
    expect(grants['Contact.Email']).toEqual({ read: 'true', edit: 'false' });
    expect(grants['Case.Subject']).toEqual({ read: 'true', edit: 'true' });
    expect(grants['Case.Reason']).toEqual({ read: 'true', edit: 'false' });
    for (const f of model.caseFields) expect(grants[`Case.${f.apiName}`]).toEqual({ read: 'true', edit: 'true' });
    const objects = objectGrants(integration);
    expect(Object.keys(objects)).toEqual(['Case', 'Contact']);
    expect(objects.Case).toMatchObject({
      allowCreate: 'true',
      allowEdit: 'true',
      allowDelete: 'false',
      viewAllRecords: 'false'
    });
    expect(objects.Contact).toMatchObject({ allowCreate: 'false', allowEdit: 'false', allowRead: 'true' });
  });

  it('grants exactly the configured syncFields and pushFields, and Contact edit only when Contact fields are pushed', () => {
    const out = generate(
      modelOf({
        integration: {
          appName: 'Vendor_App',
          contactEmail: 'a@example.com',
          syncFields: { Contact: ['Email'], Case: ['Subject'] },
          pushFields: { Contact: ['Phone'], Case: [] }
        }
      })
    );
    const doc = parsedFile(out, 'permissionsets/Handoff_Integration.permissionset-meta.xml');
    expect(fieldGrants(doc)).toEqual({
      'Case.Subject': { read: 'true', edit: 'false' },
      'Contact.Email': { read: 'true', edit: 'false' },
      'Contact.Phone': { read: 'true', edit: 'true' }
    });
    expect(objectGrants(doc).Contact).toMatchObject({ allowEdit: 'true' });
  });

  it('grants the flow edit on the vendor Case fields it fills from attributes, only when it creates Cases', () => {
    const mapping = {
      caseFields: [{ name: 'Handoff_Summary', label: 'Summary' }],
      attributes: [{ key: 'ai_summary', type: 'LongTextArea' as const }, { key: 'intent' }]
    };
    const fields = { Handoff_Summary__c: 'ai_summary', Reason: 'intent' };
    const creating = modelOf({
      ...mapping,
      fallback: { queue: 'Edge_Queue', whenNoAgent: 'case', case: { fields } },
      endConversation: { endpoint: 'https://vendor.example.com/end' }
    });
    const flowGrants = (m: typeof creating) =>
      fieldGrants(parsedFile(generate(m), 'permissionsets/Handoff_Flow.permissionset-meta.xml'));
    // Standard fields get no grant here (as Subject and Description, which the flow always sets); the vendor field does.
    expect(flowGrants(creating)['Case.Handoff_Summary__c']).toEqual({ read: 'true', edit: 'true' });
    expect(Object.keys(flowGrants(creating)).filter((f) => f.startsWith('Case.'))).toEqual(['Case.Handoff_Summary__c']);
    const waiting = modelOf({ ...mapping, fallback: { queue: 'Edge_Queue', whenNoAgent: 'wait', case: { fields } } });
    expect(Object.keys(flowGrants(waiting)).filter((f) => f.startsWith('Case.'))).toEqual([]);
  });

  it('grants no Case access when the flow never creates Cases, and Contact create when contacts are created', () => {
    const waitOnly = generate(
      modelOf({
        contactMatching: { emailAttribute: 'mail', createContact: true, trustUnverifiedEmail: true },
        attributes: [{ key: 'mail', type: 'Email' }]
      })
    );
    const doc = parsedFile(waitOnly, 'permissionsets/Handoff_Flow.permissionset-meta.xml');
    const objects = objectGrants(doc);
    expect(objects.Case).toBeUndefined();
    expect(objects.Contact).toMatchObject({
      allowCreate: 'true',
      allowRead: 'true'
    });
  });

  it('grants Contact read, not create, when a verified channel matches Contacts', () => {
    const out = generate(
      modelOf({
        channel: { developerName: 'Handoff_Messaging', verification: { mode: 'verified', keySet: 'Vendor_Keys' } },
        contactMatching: { emailAttribute: 'mail' },
        attributes: [{ key: 'mail', type: 'Email' }]
      })
    );
    const objects = objectGrants(parsedFile(out, 'permissionsets/Handoff_Flow.permissionset-meta.xml'));
    expect(objects.Contact).toMatchObject({ allowCreate: 'false', allowRead: 'true', allowEdit: 'false' });
  });

  it('grants Case create when only the closed-hours path creates Cases, and no Contact access without contact matching', () => {
    const out = generate(modelOf({ businessHours: { name: 'Default', whenClosed: 'case' } }));
    const objects = objectGrants(parsedFile(out, 'permissionsets/Handoff_Flow.permissionset-meta.xml'));
    expect(objects.Case).toMatchObject({ allowCreate: 'true' });
    expect(objects.Contact).toBeUndefined();
  });

  it('uses the permission set names from the config', () => {
    const out = generate(
      modelOf({
        permissionSets: { agent: 'My_Agents', flow: 'My_Flow_User' }
      })
    );
    // No `integration` in the config: no vendor permission set.
    expect(out.map((f) => f.path)).toEqual([
      'permissionsets/My_Agents.permissionset-meta.xml',
      'permissionsets/My_Flow_User.permissionset-meta.xml'
    ]);
  });
});
