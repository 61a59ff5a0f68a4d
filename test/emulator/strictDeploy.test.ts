/**
 * The strict deploy rules as a client meets them: through the real jsforce client, a refused
 * component comes back as the Metadata API reports it (componentFailures with problemType Error,
 * fileName, fullName, the platform's text and position), a package.xml or URL version the org does
 * not have fails the deploy, and the mapping trap shows on read.
 */
import JSZip from 'jszip';
import { Connection } from 'jsforce';
import { OrgEmulator } from './server';

const NS = 'http://soap.sforce.com/2006/04/metadata';
let emu: OrgEmulator;
beforeEach(async () => {
  emu = await OrgEmulator.start();
});
afterEach(() => emu.stop());

const conn = (version = '66.0') => new Connection({ instanceUrl: emu.url, accessToken: emu.issueToken(), version });
const pkg = (types: string, version = '66.0') =>
  `<?xml version="1.0" encoding="UTF-8"?><Package xmlns="${NS}">${types}<version>${version}</version></Package>`;
const doc = (type: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="${NS}">\n${inner}\n</${type}>`;

async function deploy(files: Record<string, string>, version = '66.0') {
  const c = conn(version);
  const zip = new JSZip();
  for (const [p, content] of Object.entries(files)) zip.file(p, content);
  const { id } = await c.metadata.deploy(await zip.generateAsync({ type: 'nodebuffer' }), { singlePackage: true });
  let status = await c.metadata.checkDeployStatus(id, true);
  while (!status.done) status = await c.metadata.checkDeployStatus(id, true);
  return status;
}

const flowXml = (variables: string) =>
  doc(
    'Flow',
    `<label>F</label><processType>RoutingFlow</processType><start><locationX>0</locationX><locationY>0</locationY>` +
      `<connector><targetReference>X</targetReference></connector></start><status>Active</status>${variables}`
  );

test('an unknown element fails its component as the Metadata API reports it', async () => {
  const status = await deploy({
    'package.xml': pkg('<types><members>R</members><name>QueueRoutingConfig</name></types>'),
    'queueRoutingConfigs/R.queueRoutingConfig': doc(
      'QueueRoutingConfig',
      '<label>R</label><routingModel>MOST_AVAILABLE</routingModel><routingPriority>1</routingPriority><foo>1</foo>'
    )
  });
  expect(status.success).toBe(false);
  expect(status.status).toBe('Failed');
  expect(status.details!.componentFailures).toEqual([
    expect.objectContaining({
      componentType: 'QueueRoutingConfig',
      fileName: 'queueRoutingConfigs/R.queueRoutingConfig',
      fullName: 'R',
      problemType: 'Error',
      problem: `Error parsing file: Element {${NS}}foo invalid at this location in type QueueRoutingConfig`,
      lineNumber: 3,
      success: false
    })
  ]);
  expect(emu.state.components('QueueRoutingConfig')).toEqual([]);
});

test('a flow naming a service channel the org does not have is refused; the built-in one deploys', async () => {
  const route = (channel: string) =>
    doc(
      'Flow',
      `<actionCalls><name>Route</name><label>Route</label><locationX>0</locationX><locationY>0</locationY>` +
        `<actionName>routeWork</actionName><actionType>routeWork</actionType><inputParameters><name>serviceChannelId</name>` +
        `<value><setupReference>${channel}</setupReference><setupReferenceType>ServiceChannel</setupReferenceType></value></inputParameters></actionCalls>` +
        `<label>F</label><processType>RoutingFlow</processType>`
    );
  const files = (channel: string) => ({
    'package.xml': pkg('<types><members>F</members><name>Flow</name></types>'),
    'flows/F.flow': route(channel)
  });
  const bad = await deploy(files('sfdc_nowhere'));
  expect(bad.details!.componentFailures).toMatchObject([
    {
      fullName: 'F',
      problem:
        'field integrity exception: unknown (The "Route" element references the service channel "sfdc_nowhere", which doesn\'t exist.)'
    }
  ]);
  expect((await deploy(files('sfdc_livemessage'))).success).toBe(true);
});

test('a package.xml version or a URL version above the org’s fails the deploy', async () => {
  const status = await deploy({ 'package.xml': pkg('', '70.0') });
  expect(status.success).toBe(false);
  expect(status.errorMessage).toBe('Invalid version specified:70.0');
  await expect(conn('70.0').metadata.read('Flow', 'F')).rejects.toThrow(/Invalid Api version specified on URL/);
});

test('a channel mapping the active flow has no input for is stored empty and reads back empty', async () => {
  const flow = await deploy({
    'package.xml': pkg('<types><members>F</members><name>Flow</name></types>'),
    'flows/F.flow': flowXml(
      '<variables><name>plan</name><dataType>String</dataType><isCollection>false</isCollection><isInput>true</isInput><isOutput>false</isOutput></variables>'
    )
  });
  expect(flow.success).toBe(true);
  const param = (name: string) =>
    `<customParameters><actionParameterMappings><actionParameterName>${name}</actionParameterName></actionParameterMappings>` +
    `<externalParameterName>${name}</externalParameterName><masterLabel>${name}</masterLabel><name>${name}</name><parameterDataType>String</parameterDataType></customParameters>`;
  const channel = await deploy({
    'package.xml': pkg('<types><members>M</members><name>MessagingChannel</name></types>'),
    'messagingChannels/M.messagingChannel': doc(
      'MessagingChannel',
      `${param('plan')}${param('tier')}<masterLabel>M</masterLabel><messagingChannelType>EmbeddedMessaging</messagingChannelType>` +
        `<sessionHandlerFlow>F</sessionHandlerFlow><sessionHandlerType>Flow</sessionHandlerType>`
    )
  });
  expect(channel.success).toBe(true);
  const read = (await conn().metadata.read('MessagingChannel' as never, 'M')) as unknown as {
    customParameters: Array<{ name: string; actionParameterMappings?: unknown }>;
  };
  expect(read.customParameters.map((p) => [p.name, !!p.actionParameterMappings])).toEqual([
    ['plan', true],
    ['tier', false]
  ]);
});
