import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  channelView,
  customMetadataValues,
  deploymentsOf,
  fieldFile,
  fieldGrants,
  fieldView,
  flowView,
  loadProject,
  messagingSessionWrites,
  queueLabel,
  queueObjects,
  routingFlows,
  type SourceProject
} from '../../scripts/source';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const D = 'force-app';

const FILES: Record<string, string> = {
  'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: D }] }),
  [`${D}/messagingChannels/Web.messagingChannel-meta.xml`]: `<MessagingChannel ${NS}>
  <customParameters>
    <actionParameterMappings>
      <actionParameterName>Topic</actionParameterName>
    </actionParameterMappings>
    <externalParameterName>topic</externalParameterName>
    <maxLength>80</maxLength>
    <name>Topic</name>
  </customParameters>
  <standardParameters>
    <actionParameterMappings><actionParameterName>Email</actionParameterName></actionParameterMappings>
    <parameterType>Email</parameterType>
  </standardParameters>
  <sessionHandlerFlow> Route </sessionHandlerFlow>
  <sessionHandlerType>Flow</sessionHandlerType>
</MessagingChannel>`,
  [`${D}/EmbeddedServiceConfig/Site.EmbeddedServiceConfig-meta.xml`]: `<EmbeddedServiceConfig ${NS}>
  <embeddedServiceForms>
    <embeddedServiceFormFields>
      <formField>_Email</formField>
      <isHidden>true</isHidden>
      <messagingChannelParameterType>Standard</messagingChannelParameterType>
    </embeddedServiceFormFields>
    <isActive>true</isActive>
  </embeddedServiceForms>
  <embeddedServiceMessagingChannel><messagingChannel>Web</messagingChannel></embeddedServiceMessagingChannel>
</EmbeddedServiceConfig>`,
  [`${D}/EmbeddedServiceConfig/Other.EmbeddedServiceConfig-meta.xml`]: `<EmbeddedServiceConfig ${NS}>
  <embeddedServiceMessagingChannel><messagingChannel>Elsewhere</messagingChannel></embeddedServiceMessagingChannel>
</EmbeddedServiceConfig>`,
  [`${D}/flows/Route.flow-meta.xml`]: `<Flow ${NS}>
  <assignments>
    <name>Copy</name>
    <assignmentItems>
      <assignToReference>session.Email__c</assignToReference>
      <value><elementReference>Email</elementReference></value>
    </assignmentItems>
  </assignments>
  <decisions>
    <name>Check</name>
    <rules><name>Check_Yes</name><conditionLogic>and</conditionLogic></rules>
  </decisions>
  <processType>Flow</processType>
  <recordUpdates>
    <name>Save</name>
    <inputAssignments>
      <field>Topic__c</field>
      <value><elementReference>Topic</elementReference></value>
    </inputAssignments>
    <object>MessagingSession</object>
  </recordUpdates>
  <variables><name>Topic</name><dataType>String</dataType><isInput>true</isInput></variables>
  <variables><name>Email</name><dataType>String</dataType><isInput>true</isInput></variables>
  <variables><name>session</name><dataType>SObject</dataType><objectType>MessagingSession</objectType></variables>
</Flow>`,
  [`${D}/flows/Other.flow-meta.xml`]: `<Flow ${NS}><processType>RoutingFlow</processType></Flow>`,
  [`${D}/flows/Screen.flow-meta.xml`]: `<Flow ${NS}><processType>Flow</processType></Flow>`,
  [`${D}/objects/MessagingSession/fields/Topic__c.field-meta.xml`]: `<CustomField ${NS}><fullName>Topic__c</fullName></CustomField>`,
  [`${D}/permissionsets/Agents.permissionset-meta.xml`]: `<PermissionSet ${NS}>
  <fieldPermissions><editable>false</editable><field>MessagingSession.Topic__c</field><readable>true</readable></fieldPermissions>
</PermissionSet>`,
  [`${D}/queues/Tier1.queue-meta.xml`]: `<Queue ${NS}><name>Tier 1</name><queueSobject><sobjectType>MessagingSession</sobjectType></queueSobject><queueSobject><sobjectType>Case</sobjectType></queueSobject></Queue>`
};

FILES[`${D}/customMetadata/Handoff_Settings.Default.md-meta.xml`] =
  `<CustomMetadata ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <label>Default</label>
  <values><field>Endpoint__c</field><value>https://vendor.example/end</value></values>
  <values><field>Organisation_Id__c</field><value xsi:nil="true"/></values>
  <values><field>Endpoint__c</field><value>second</value></values>
</CustomMetadata>`;

let root: string;
let project: SourceProject;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-views-'));
  for (const [rel, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  project = loadProject(root);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('typed views', () => {
  test('channel: custom and standard parameters with their mappings and lines, handler trimmed; parsed once', () => {
    const file = project.find('MessagingChannel', 'Web')!;
    const ch = channelView(file);
    expect(ch.custom).toEqual([
      {
        name: 'Topic',
        externalName: 'topic',
        maxLength: 80,
        dataType: undefined,
        mappings: [{ value: 'Topic', line: 4 }],
        line: 2
      }
    ]);
    expect(ch.standard).toEqual([{ type: 'Email', mappings: [{ value: 'Email', line: 11 }], line: 10 }]);
    expect(ch.handlerFlow).toEqual({ value: 'Route', line: 14 });
    expect(ch.handlerType?.value).toBe('Flow');
    expect(channelView(file)).toBe(ch);
  });

  test('deployment: the deployments of a channel, with their forms and fields', () => {
    const [d, ...rest] = deploymentsOf(project, 'Web');
    expect(rest).toEqual([]);
    expect(d.file.name).toBe('Site');
    expect(d.forms).toEqual([
      {
        context: '',
        active: true,
        activeLine: 8,
        line: 2,
        fields: [{ formField: '_Email', hidden: true, required: false, parameterType: 'Standard', line: 3 }]
      }
    ]);
  });

  test('flow: variables, nodes (connector targets) and every referenceable name', () => {
    const f = flowView(project.find('Flow', 'Route')!);
    expect([...f.nodes.keys()]).toEqual(['Copy', 'Check', 'Save']);
    expect([...f.variables.keys()]).toEqual(['Topic', 'Email', 'session']);
    expect(f.variables.get('Topic')).toMatchObject({ dataType: 'String', isInput: true, isCollection: false });
    expect(f.resources.has('Check_Yes')).toBe(true);
    expect(f.nodes.has('Check_Yes')).toBe(false);
  });

  test('flow: MessagingSession writes through Update Records and through a session record variable', () => {
    expect(messagingSessionWrites(flowView(project.find('Flow', 'Route')!))).toEqual([
      { field: 'Email__c', variable: 'Email', line: 4 },
      { field: 'Topic__c', variable: 'Topic', line: 16 }
    ]);
  });

  test('routing flows: channel handlers and RoutingFlows, not other flows', () => {
    expect(
      routingFlows(project)
        .map((f) => f.name)
        .sort()
    ).toEqual(['Other', 'Route']);
  });

  test('fields, grants and queues', () => {
    expect(fieldFile(project, 'MessagingSession', 'Topic__c')?.path).toBe(
      `${D}/objects/MessagingSession/fields/Topic__c.field-meta.xml`
    );
    expect(fieldGrants(project).get('MessagingSession.Topic__c')).toEqual([
      { permissionSet: 'Agents', readable: true, editable: false }
    ]);
    expect(fieldView(project.find('CustomField', 'MessagingSession.Topic__c')!)).toEqual({
      object: 'MessagingSession',
      name: 'Topic__c',
      type: 'Text',
      length: undefined,
      required: false
    });
    expect(queueObjects(project.find('Queue', 'Tier1')!)).toEqual(['MessagingSession', 'Case']);
    expect(queueLabel(project.find('Queue', 'Tier1')!)).toBe('Tier 1');
  });

  test('custom metadata values: first value per field, nil as undefined', () => {
    const values = customMetadataValues(project.find('CustomMetadata', 'Handoff_Settings.Default')!);
    expect([...values]).toEqual([
      ['Endpoint__c', 'https://vendor.example/end'],
      ['Organisation_Id__c', undefined]
    ]);
  });
});
