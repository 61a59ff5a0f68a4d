/**
 * The emulator's deploy rules, one case each: a component a real org refuses, the rule that refuses
 * it and the platform's problem text. The case list is checked against the rule registries, so a
 * rule without a test (or without its evidence) fails here.
 */
import { parseXml } from '../../scripts/xml/read';
import { OrgState } from './state';
import {
  COMPONENT_RULES,
  MANIFEST_RULES,
  PACKAGE_RULES,
  defaultStrictSettings,
  deployProblems,
  manifestError,
  orgView,
  storedXml,
  type DeployComponent
} from './deployRules';

const NS = 'http://soap.sforce.com/2006/04/metadata';

/** A component as the zip would hold it (metadata format, root = type). */
function comp(type: string, fullName: string, inner: string): DeployComponent {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="${NS}">${inner}</${type}>`;
  return { type, fullName, fileName: `x/${fullName}`, xml, root: parseXml(xml) };
}
/** A field as split out of its object file (root = its `<fields>` node). */
function field(fullName: string, inner: string): DeployComponent {
  const [obj, name] = fullName.split('.');
  const xml = `<CustomObject xmlns="${NS}"><fields><fullName>${name}</fullName>${inner}</fields></CustomObject>`;
  return { type: 'CustomField', fullName, fileName: `objects/${obj}.object`, xml, root: parseXml(xml).children[0] };
}

/** A flow: `early` holds elements the schema puts before <label> (actionCalls, decisions), `late` those after <processType>. */
const flow = (early: string, late = '') =>
  comp('Flow', 'F', `${early}<label>F</label><processType>RoutingFlow</processType>${late}`);
const routingConfig = (inner: string) => comp('QueueRoutingConfig', 'R', inner);
const permset = (inner: string) => comp('PermissionSet', 'P', `${inner}<label>P</label>`);
const routeWork = (name: string, channel: string) =>
  `<actionCalls><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY><actionName>routeWork</actionName><actionType>routeWork</actionType>` +
  `<inputParameters><name>serviceChannelId</name><value><setupReference>${channel}</setupReference><setupReferenceType>ServiceChannel</setupReferenceType></value></inputParameters></actionCalls>`;

interface Case {
  rule: string;
  components: DeployComponent[];
  message: string;
  /** Components the org already holds. */
  org?: DeployComponent[];
}

const CASES: Case[] = [
  {
    rule: 'schema/unknown-element',
    components: [flow('<actionCalls><name>A</name><bogus>1</bogus></actionCalls>')],
    message: `Error parsing file: Element {${NS}}bogus invalid at this location in type FlowActionCall`
  },
  {
    rule: 'schema/element-order',
    components: [
      routingConfig('<routingModel>MOST_AVAILABLE</routingModel><label>R</label><routingPriority>1</routingPriority>')
    ],
    message: `Error parsing file: Element {${NS}}label invalid at this location in type QueueRoutingConfig`
  },
  {
    rule: 'schema/too-many',
    components: [
      routingConfig(
        '<label>R</label><label>S</label><routingModel>MOST_AVAILABLE</routingModel><routingPriority>1</routingPriority>'
      )
    ],
    message: `Error parsing file: Element {${NS}}label invalid at this location in type QueueRoutingConfig`
  },
  {
    rule: 'schema/enum-value',
    components: [
      routingConfig('<label>R</label><routingModel>MostAvailable</routingModel><routingPriority>1</routingPriority>')
    ],
    message: "'MostAvailable' is not a valid value for the enum 'RoutingModel'"
  },
  {
    rule: 'schema/value-type',
    components: [
      routingConfig(
        '<label>R</label><routingModel>MOST_AVAILABLE</routingModel><routingPriority>high</routingPriority>'
      )
    ],
    message: "'high' is not a valid value for the type xsd:int"
  },
  {
    rule: 'schema/required-element',
    components: [routingConfig('<label>R</label><routingPriority>1</routingPriority>')],
    message: 'Required field is missing: routingModel'
  },
  {
    rule: 'api/component-version',
    components: [comp('ApexClass', 'C', '<apiVersion>70.0</apiVersion><status>Active</status>')],
    message: 'The ApexClass apiVersion can\'t be "70"'
  },
  {
    rule: 'ref/permission-set-field',
    components: [
      permset(
        '<fieldPermissions><editable>false</editable><field>MessagingSession.nope__c</field><readable>true</readable></fieldPermissions>'
      )
    ],
    message: 'In field: field - no CustomField named MessagingSession.nope__c found'
  },
  {
    rule: 'ref/permission-set-object',
    components: [
      permset(
        '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead>' +
          '<modifyAllRecords>false</modifyAllRecords><object>Ghost__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>'
      )
    ],
    message: 'In field: object - no CustomObject named Ghost__c found'
  },
  {
    rule: 'ref/apex-class',
    components: [permset('<classAccesses><apexClass>Missing</apexClass><enabled>true</enabled></classAccesses>')],
    message: 'In field: apexClass - no ApexClass named Missing found'
  },
  {
    rule: 'ref/channel-flow-and-queue',
    components: [
      comp(
        'MessagingChannel',
        'M',
        '<masterLabel>M</masterLabel><messagingChannelType>EmbeddedMessaging</messagingChannelType><sessionHandlerFlow>Nope</sessionHandlerFlow><sessionHandlerType>Flow</sessionHandlerType>'
      )
    ],
    message: 'In field: sessionHandlerFlow - no Flow named Nope found'
  },
  {
    rule: 'ref/deployment-channel',
    components: [
      comp(
        'EmbeddedServiceConfig',
        'D',
        '<deploymentFeature>EmbeddedMessaging</deploymentFeature><deploymentType>API</deploymentType>' +
          '<embeddedServiceMessagingChannel><messagingChannel>Gone</messagingChannel></embeddedServiceMessagingChannel><masterLabel>D</masterLabel>'
      )
    ],
    message: 'In field: messagingChannel - no MessagingChannel named Gone found'
  },
  {
    rule: 'ref/queue-routing-config',
    components: [comp('Queue', 'Q', '<name>Q</name><queueRoutingConfig>Missing_Routing</queueRoutingConfig>')],
    message: 'In field: queueRoutingConfig - no QueueRoutingConfig named Missing_Routing found'
  },
  {
    rule: 'ref/custom-metadata-type',
    components: [comp('CustomMetadata', 'Ghost.Default', '<label>Default</label>')],
    message: 'In field: fullName - no CustomObject named Ghost__mdt found'
  },
  {
    rule: 'ref/lookup-target',
    components: [
      field(
        'Case.Bundle__c',
        '<label>Bundle</label><referenceTo>Bundle__c</referenceTo><relationshipName>Bundles</relationshipName><type>Lookup</type>'
      )
    ],
    message: "referenceTo value of 'Bundle__c' does not resolve to a valid sObject type"
  },
  {
    rule: 'ref/presence-status-channel',
    components: [
      comp('ServicePresenceStatus', 'S', '<channels><channel>sfdc_nowhere</channel></channels><label>S</label>')
    ],
    message: 'In field: channel - no ServiceChannel named sfdc_nowhere found'
  },
  {
    rule: 'ref/required-field-permission',
    components: [
      field(
        'MessagingSession.plan__c',
        '<label>Plan</label><length>10</length><required>true</required><type>Text</type>'
      ),
      permset(
        '<fieldPermissions><editable>true</editable><field>MessagingSession.plan__c</field><readable>true</readable></fieldPermissions>'
      )
    ],
    message: 'You cannot deploy to a required field: MessagingSession.plan__c'
  },
  {
    rule: 'flow/service-channel',
    components: [flow(routeWork('Route', 'sfdc_nowhere'))],
    message:
      'field integrity exception: unknown (The "Route" element references the service channel "sfdc_nowhere", which doesn\'t exist.)'
  },
  {
    rule: 'flow/field',
    components: [
      flow(
        '',
        '<recordLookups><name>Get</name><object>MessagingSession</object><queriedFields>Id</queriedFields><queriedFields>missing__c</queriedFields></recordLookups>'
      )
    ],
    message:
      'field integrity exception: unknown (The field "missing__c" for the object "MessagingSession" doesn\'t exist.)'
  },
  {
    rule: 'flow/condition-reference',
    components: [
      flow(
        '<decisions><name>D</name><rules><name>R</name><conditionLogic>and</conditionLogic><conditions><leftValueReference>Ghost.Id</leftValueReference>' +
          '<operator>IsNull</operator><rightValue><booleanValue>false</booleanValue></rightValue></conditions><label>R</label></rules><label>D</label></decisions>'
      )
    ],
    message: "field integrity exception: unknown (A condition has a reference to Ghost.Id, which doesn't exist.)"
  },
  {
    rule: 'flow/routing-action-input',
    components: [
      flow(
        '<actionCalls><name>Route</name><actionName>routeWork</actionName><actionType>routeWork</actionType>' +
          '<inputParameters><name>queueName</name><value><stringValue>Q</stringValue></value></inputParameters></actionCalls>'
      )
    ],
    message: 'We can\'t find this input attribute: "queueName"'
  },
  {
    rule: 'flow/start-connected',
    components: [flow('', '<start><locationX>0</locationX><locationY>0</locationY></start><status>Active</status>')],
    message:
      "field integrity exception: unknown (The flow can't run because nothing is connected to the Start element.)"
  },
  {
    rule: 'field/length-range',
    components: [field('MessagingSession.note__c', '<label>Note</label><length>300</length><type>Text</type>')],
    message: 'Length must be between 1 and 255'
  },
  {
    rule: 'name/api-name-length',
    components: [
      field(`MessagingSession.${'a'.repeat(41)}__c`, '<label>A</label><length>10</length><type>Text</type>')
    ],
    message: 'Value too long for field: fullName maximum length is:40'
  },
  {
    rule: 'field/picklist-duplicate-label',
    components: [
      field(
        'MessagingSession.tier__c',
        '<label>Tier</label><type>Picklist</type><valueSet><valueSetDefinition>' +
          '<value><fullName>Gold</fullName><default>false</default><label>Gold</label></value>' +
          '<value><fullName>Gold2</fullName><default>false</default><label>Gold</label></value></valueSetDefinition></valueSet>'
      )
    ],
    message: 'Duplicate label: Gold'
  },
  {
    rule: 'permission/unknown-user-permission',
    components: [
      permset('<userPermissions><enabled>true</enabled><name>AllowUniversalSearch</name></userPermissions>')
    ],
    message: 'Unknown user permission: AllowUniversalSearch'
  },
  {
    rule: 'name/duplicate',
    components: [
      field('MessagingSession.plan__c', '<label>Plan</label><length>10</length><type>Text</type>'),
      field('MessagingSession.plan__c', '<label>Plan</label><length>10</length><type>Text</type>')
    ],
    message: "Duplicate name 'MessagingSession.plan__c' specified"
  }
];

function problemsOf(components: DeployComponent[], held: DeployComponent[] = []) {
  const state = new OrgState();
  for (const c of held) state.putComponent({ type: c.type, fullName: c.fullName, xml: c.xml });
  return deployProblems(components, orgView(state, components, defaultStrictSettings()));
}

describe('each rule refuses what a real org refuses, with its message', () => {
  test.each(CASES.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const found = problemsOf(c.components, c.org).filter((p) => p.rule === c.rule);
    expect(found.map((p) => p.problem.message)).toEqual([c.message]);
  });

  test('every rule has a case here and names its evidence', () => {
    const ids = [...COMPONENT_RULES, ...PACKAGE_RULES, ...MANIFEST_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !CASES.some((c) => c.rule === id) && id !== 'api/package-version')).toEqual([]);
    for (const r of [...COMPONENT_RULES, ...PACKAGE_RULES, ...MANIFEST_RULES])
      expect(r.evidence.length).toBeGreaterThan(20);
    expect(ids.length).toBeGreaterThanOrEqual(15);
  });
});

describe('what the rules accept', () => {
  test('a package.xml above the org version fails the whole deploy; the org version passes', () => {
    const org = orgView(new OrgState(), [], defaultStrictSettings());
    expect(manifestError({ version: '70.0' }, org)).toBe('Invalid version specified:70.0');
    expect(manifestError({ version: '66.0' }, org)).toBeUndefined();
  });

  test('only the first parse error of a file is reported, and required elements only after a clean parse', () => {
    const found = problemsOf([routingConfig('<bogus/><label>R</label><other/>')]).map((p) => p.problem.message);
    expect(found).toEqual([
      `Error parsing file: Element {${NS}}bogus invalid at this location in type QueueRoutingConfig`
    ]);
  });

  test('fields may follow the object’s own elements (SDR recomposes them there)', () => {
    const obj = comp(
      'CustomObject',
      'Handoff_Settings__mdt',
      '<label>S</label><pluralLabel>S</pluralLabel><visibility>Public</visibility><fields><fullName>Endpoint__c</fullName><label>E</label><length>10</length><type>Text</type></fields>'
    );
    expect(problemsOf([obj])).toEqual([]);
  });

  test('what real retrieves omit and still deploy is not required (settings.requiredButAccepted)', () => {
    const channel = comp(
      'MessagingChannel',
      'M',
      '<embeddedConfig><authMode>UnAuth</authMode></embeddedConfig><masterLabel>M</masterLabel><messagingChannelType>EmbeddedMessaging</messagingChannelType><sessionHandlerType>Queue</sessionHandlerType>'
    );
    expect(problemsOf([channel]).map((p) => p.problem.message)).toEqual([]);
  });

  test('references resolve against the org as well as the package; built-in service channels exist', () => {
    const held = [
      routingConfig('<label>R</label><routingModel>MOST_AVAILABLE</routingModel><routingPriority>1</routingPriority>')
    ];
    expect(problemsOf([comp('Queue', 'Q', '<name>Q</name><queueRoutingConfig>R</queueRoutingConfig>')], held)).toEqual(
      []
    );
    expect(problemsOf([flow(routeWork('Route', 'sfdc_livemessage'))])).toEqual([]);
  });
});

describe('the mapping trap', () => {
  const channel = comp(
    'MessagingChannel',
    'M',
    '<customParameters><actionParameterMappings><actionParameterName>plan</actionParameterName></actionParameterMappings>' +
      '<externalParameterName>plan</externalParameterName><masterLabel>Plan</masterLabel><name>plan</name><parameterDataType>String</parameterDataType></customParameters>' +
      '<customParameters><actionParameterMappings><actionParameterName>tier</actionParameterName></actionParameterMappings>' +
      '<externalParameterName>tier</externalParameterName><masterLabel>Tier</masterLabel><name>tier</name><parameterDataType>String</parameterDataType></customParameters>' +
      '<masterLabel>M</masterLabel><messagingChannelType>EmbeddedMessaging</messagingChannelType><sessionHandlerFlow>F</sessionHandlerFlow><sessionHandlerType>Flow</sessionHandlerType>'
  );
  const variable = (name: string) =>
    `<variables><name>${name}</name><dataType>String</dataType><isCollection>false</isCollection><isInput>true</isInput><isOutput>false</isOutput></variables>`;
  const stored = (flowXml: DeployComponent | undefined) => {
    const state = new OrgState();
    if (flowXml) state.putComponent({ type: 'Flow', fullName: 'F', xml: flowXml.xml });
    return storedXml(channel, orgView(state, [channel], defaultStrictSettings()));
  };
  const mapped = (xml: string) => [...xml.matchAll(/<actionParameterName>([^<]+)</g)].map((m) => m[1]);

  test('a mapping the active flow has an input for is kept; one it lacks is dropped, not refused', () => {
    expect(mapped(stored(flow('', `<status>Active</status>${variable('plan')}`)))).toEqual(['plan']);
    expect(problemsOf([channel], [flow('', `<status>Active</status>${variable('plan')}`)])).toEqual([]);
  });

  test('without an active flow every mapping is dropped', () => {
    expect(mapped(stored(flow('', `<status>Draft</status>${variable('plan')}${variable('tier')}`)))).toEqual([]);
    expect(mapped(stored(undefined))).toEqual([]);
  });
});
