/**
 * The SOAP Metadata API of the emulated org: deploy (a real zip, unpacked and checked against its
 * package.xml and against what the org already holds), checkDeployStatus, readMetadata,
 * upsertMetadata/createMetadata, retrieve and checkRetrieveStatus. Answers have the SOAP shape
 * jsforce parses. Deploys are asynchronous: a job answers "InProgress" for `deployPolls` polls.
 */
import { ECA_TYPES_BY_DIR, ecaProblems } from './externalClientApps';
import JSZip from 'jszip';
import { child, children, parseXml, textOf, XmlSyntaxError, type XmlNode } from '../../scripts/xml/read';
import type { Handler } from './router';
import { soapFault, soapResponse, xmlEscape } from './router';
import type { ComponentFailure, DeployJob, MetadataComponent, OrgState, TestFailure } from './state';
import {
  defaultStrictSettings,
  deployProblems,
  manifestError,
  orgView,
  storedXml,
  supportsApiVersion,
  type DeployComponent,
  type StrictSettings
} from './deployRules';

export interface MetadataSettings {
  /** Status polls a deploy answers "InProgress" before it is done. */
  deployPolls: number;
  /** Components the next deploys fail with this problem (stays until removed). */
  failComponents: Array<{
    type: string;
    fullName: string;
    problem: string;
    lineNumber?: number;
    columnNumber?: number;
  }>;
  /** Apex test methods that fail (stays until removed). */
  failTests: Array<{ name: string; methodName: string; message: string; line?: number }>;
  /** Covered share of each Apex class's lines, by class name (default 1). */
  coverage: Record<string, number>;
  /** readMetadata/retrieve of a MessagingChannel drop every custom parameter's mappings (the platform trap). */
  emptyMappingsOnRead: boolean;
  /** Where the platform's behaviour is not known for sure (deployRules/types.ts, README "Deploy rules"). */
  strict: StrictSettings;
}

export function defaultMetadataSettings(deployPolls = 1): MetadataSettings {
  return {
    deployPolls,
    failComponents: [],
    failTests: [],
    coverage: {},
    emptyMappingsOnRead: false,
    strict: defaultStrictSettings()
  };
}

/** Metadata-format folders and suffixes of the types the kit deploys (the SDR registry's values). */
const TYPES_BY_DIR: Record<string, { type: string; suffix: string }> = {
  objects: { type: 'CustomObject', suffix: 'object' },
  classes: { type: 'ApexClass', suffix: 'cls' },
  triggers: { type: 'ApexTrigger', suffix: 'trigger' },
  flows: { type: 'Flow', suffix: 'flow' },
  messagingChannels: { type: 'MessagingChannel', suffix: 'messagingChannel' },
  EmbeddedServiceConfig: { type: 'EmbeddedServiceConfig', suffix: 'EmbeddedServiceConfig' },
  queues: { type: 'Queue', suffix: 'queue' },
  queueRoutingConfigs: { type: 'QueueRoutingConfig', suffix: 'queueRoutingConfig' },
  servicePresenceStatuses: { type: 'ServicePresenceStatus', suffix: 'servicePresenceStatus' },
  presenceUserConfigs: { type: 'PresenceUserConfig', suffix: 'presenceUserConfig' },
  serviceChannels: { type: 'ServiceChannel', suffix: 'serviceChannel' },
  permissionsets: { type: 'PermissionSet', suffix: 'permissionset' },
  remoteSiteSettings: { type: 'RemoteSiteSetting', suffix: 'remoteSite' },
  customMetadata: { type: 'CustomMetadata', suffix: 'md' },
  settings: { type: 'Settings', suffix: 'settings' },
  labels: { type: 'CustomLabels', suffix: 'labels' },
  namedCredentials: { type: 'NamedCredential', suffix: 'namedCredential' },
  externalCredentials: { type: 'ExternalCredential', suffix: 'externalCredential' },
  layouts: { type: 'Layout', suffix: 'layout' },
  flexipages: { type: 'FlexiPage', suffix: 'flexipage' },
  tabs: { type: 'CustomTab', suffix: 'tab' },
  ...ECA_TYPES_BY_DIR
};
const DIR_BY_TYPE = Object.fromEntries(
  Object.entries(TYPES_BY_DIR).map(([dir, t]) => [t.type, { dir, suffix: t.suffix }])
);

export function metadataHandler(settings: MetadataSettings): Handler {
  return async (req, { state }) => {
    const url = /^\/services\/Soap\/m\/([\d.]+)$/.exec(req.path);
    if (!url || req.method !== 'POST') return undefined;
    // Evidence: public client logs, "UNSUPPORTED_API_VERSION: Invalid Api version specified on URL" (salesforcedx-vscode#4492).
    if (!supportsApiVersion(url[1], settings.strict.maxApiVersion))
      return soapFault('UNSUPPORTED_API_VERSION', 'Invalid Api version specified on URL');
    let body: XmlNode;
    try {
      const envelope = parseXml(req.body);
      const soapBody = child(envelope, 'Body');
      if (!soapBody || !soapBody.children[0]) return soapFault('INVALID_SOAP_REQUEST', 'No operation in the SOAP body');
      body = soapBody.children[0];
    } catch (e) {
      return soapFault('INVALID_XML', (e as Error).message);
    }
    switch (body.local) {
      case 'deploy':
        return startDeploy(state, settings, body);
      case 'checkDeployStatus':
        return checkDeployStatus(state, body);
      case 'cancelDeploy':
        return soapResponse(
          'cancelDeploy',
          `<result><done>true</done><id>${xmlEscape(textOf(body, 'String') ?? '')}</id></result>`
        );
      case 'readMetadata':
        return readMetadata(state, settings, body);
      case 'upsertMetadata':
      case 'createMetadata':
      case 'updateMetadata':
        return saveMetadata(state, body);
      case 'retrieve':
        return startRetrieve(state, body);
      case 'checkRetrieveStatus':
        return checkRetrieveStatus(state, settings, body);
      default:
        return undefined;
    }
  };
}

// ---------------------------------------------------------------- deploy

async function startDeploy(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const options = child(body, 'DeployOptions');
  const flag = (name: string, dflt: boolean) => {
    const v = options ? textOf(options, name) : undefined;
    return v === undefined ? dflt : v === 'true';
  };
  const job: DeployJob = {
    id: state.newId('DeployRequest'),
    checkOnly: flag('checkOnly', false),
    testLevel: (options && textOf(options, 'testLevel')) || 'Default',
    runTests: options ? children(options, 'runTests').map((n) => n.text.trim()) : [],
    rollbackOnError: flag('rollbackOnError', true),
    createdAt: Date.now(),
    pollsUntilDone: settings.deployPolls,
    status: 'Queued',
    numberComponentsTotal: 0,
    numberComponentsDeployed: 0,
    numberComponentErrors: 0,
    successes: [],
    failures: [],
    testsRun: [],
    testFailures: [],
    coverage: [],
    pending: []
  };
  state.deployJobs.set(job.id, job);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(Buffer.from(textOf(body, 'ZipFile') ?? '', 'base64'));
  } catch (e) {
    job.errorMessage = `The zip file could not be read: ${(e as Error).message}`;
    job.status = 'Failed';
    return soapResponse('deploy', asyncResultXml(job.id, 'Queued'));
  }
  await evaluateDeploy(state, settings, job, zip, flag('singlePackage', false));
  return soapResponse('deploy', asyncResultXml(job.id, 'Queued'));
}

/** Decides the job's outcome now (the polls only delay reporting it). */
async function evaluateDeploy(
  state: OrgState,
  settings: MetadataSettings,
  job: DeployJob,
  zip: JSZip,
  singlePackage: boolean
) {
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const prefix = singlePackage ? '' : commonFolder(entries.map((f) => f.name));
  const manifestEntry = zip.file(`${prefix}package.xml`);
  if (!manifestEntry) {
    job.errorMessage = singlePackage
      ? 'No package.xml found at the root of the zip (singlePackage is true)'
      : 'No package.xml found';
    job.status = 'Failed';
    return;
  }
  const manifestXml = await manifestEntry.async('string');
  const declared = parsePackageXml(manifestXml);
  const versionError = manifestError(
    { version: textOf(parseXml(manifestXml), 'version') },
    orgView(state, [], settings.strict)
  );
  if (versionError) {
    job.errorMessage = versionError;
    job.status = 'Failed';
    return;
  }
  const found: DeployComponent[] = [];
  const failures: ComponentFailure[] = [];
  const bodies = new Map<string, Buffer>();
  /** Lightning web component bundles: name → files (by zip path). */
  const bundles = new Map<string, Record<string, Buffer>>();
  for (const entry of entries) {
    const rel = entry.name.slice(prefix.length);
    if (rel === 'package.xml' || /^destructiveChanges(Pre|Post)?\.xml$/.test(rel)) continue;
    const content = await entry.async('nodebuffer');
    const bundle = /^(lwc|aura)\/([^/]+)\/(.+)$/.exec(rel);
    if (bundle) {
      bundles.set(bundle[2], { ...(bundles.get(bundle[2]) ?? {}), [rel]: content });
      continue;
    }
    const m = /^([^/]+)\/(.+)$/.exec(rel);
    const kind = m ? TYPES_BY_DIR[m[1]] : undefined;
    if (!m || !kind) {
      failures.push(failure('Unknown', rel, rel, `Unknown metadata type for file ${rel}`));
      continue;
    }
    const [, dir, name] = m;
    if (kind.type === 'ApexClass' || kind.type === 'ApexTrigger') {
      if (name.endsWith(`.${kind.suffix}`)) {
        bodies.set(`${dir}/${name}`, content);
        continue;
      }
      if (!name.endsWith(`.${kind.suffix}-meta.xml`)) {
        failures.push(failure(kind.type, name, rel, `Unexpected file ${rel}`));
        continue;
      }
      const fullName = name.slice(0, -`.${kind.suffix}-meta.xml`.length);
      found.push(parseComponent(kind.type, fullName, rel, content.toString('utf8'), failures, kind.type));
      continue;
    }
    if (!name.endsWith(`.${kind.suffix}`) || name.includes('/')) {
      failures.push(
        failure(kind.type, name, rel, `The file ${rel} does not have the ${kind.type} suffix .${kind.suffix}`)
      );
      continue;
    }
    const fullName = name.slice(0, -(kind.suffix.length + 1));
    const xml = content.toString('utf8');
    if (kind.type === 'CustomObject') {
      found.push(...splitObject(fullName, rel, xml, declared, failures));
    } else if (kind.type === 'CustomLabels') {
      found.push(...splitLabels(rel, xml, failures, declared));
    } else {
      const root = kind.type === 'Settings' ? `${fullName}Settings` : kind.type;
      found.push(parseComponent(kind.type, fullName, rel, xml, failures, root));
    }
  }
  for (const [name, files] of bundles) {
    const metaPath = `lwc/${name}/${name}.js-meta.xml`;
    const meta = files[metaPath];
    if (!meta) {
      failures.push(
        failure('LightningComponentBundle', name, `lwc/${name}`, `The bundle ${name} has no ${name}.js-meta.xml`)
      );
      continue;
    }
    const c = parseComponent(
      'LightningComponentBundle',
      name,
      metaPath,
      meta.toString('utf8'),
      failures,
      'LightningComponentBundle'
    );
    c.files = files;
    found.push(c);
  }
  // Apex bodies belong to their -meta.xml component; a body without one (or the reverse) fails.
  for (const c of found) {
    if (c.type !== 'ApexClass' && c.type !== 'ApexTrigger') continue;
    const bodyPath = c.fileName.replace(/-meta\.xml$/, '');
    const code = bodies.get(bodyPath);
    if (!code) failures.push(failure(c.type, c.fullName, c.fileName, `No body file ${bodyPath} for ${c.fullName}`));
    else {
      c.files = { [bodyPath]: code };
      bodies.delete(bodyPath);
    }
  }
  for (const orphan of bodies.keys())
    failures.push(failure('ApexClass', orphan, orphan, `No -meta.xml file for ${orphan}`));

  // The manifest and the files must agree, both ways.
  const inZip = new Set(found.map((c) => `${c.type}:${c.fullName}`));
  for (const [type, members] of declared) {
    for (const member of members) {
      if (member === '*' || inZip.has(`${type}:${member}`)) continue;
      if (type === 'CustomObject' && found.some((c) => c.type === 'CustomField' && c.fullName.startsWith(`${member}.`)))
        continue;
      failures.push(
        failure(
          type,
          member,
          'package.xml',
          `An object '${member}' of type ${type} was named in package.xml, but was not found in zipped directory`
        )
      );
    }
  }
  const listed = (c: DeployComponent) => declared.get(c.type)?.has(c.fullName) || declared.get(c.type)?.has('*');
  const accepted: DeployComponent[] = [];
  for (const c of found) {
    if (!listed(c)) {
      failures.push(
        failure(c.type, c.fullName, c.fileName, `${c.type} ${c.fullName} is in the zip but not named in package.xml`)
      );
      continue;
    }
    accepted.push(c);
  }
  // The org after this deploy (its components plus this package's) judges every component.
  const org = orgView(state, accepted, settings.strict);
  for (const { component: c, problem } of deployProblems(accepted, org))
    failures.push(failure(c.type, c.fullName, c.fileName, problem.message, problem.line, problem.column));
  for (const c of accepted) {
    // The External Client App rules (externalClientApps.ts) judge the vendor app against the same org.
    if (c.root)
      for (const problem of ecaProblems(state, c.type, c.root, org.has))
        failures.push(failure(c.type, c.fullName, c.fileName, problem, c.root.line));
    for (const f of settings.failComponents) {
      if (f.type === c.type && f.fullName === c.fullName)
        failures.push(failure(c.type, c.fullName, c.fileName, f.problem, f.lineNumber, f.columnNumber));
    }
  }
  runTests(state, settings, job, accepted, failures);

  const failedKeys = new Set(failures.map((f) => `${f.componentType}:${f.fullName}`));
  job.failures = failures;
  job.numberComponentsTotal = accepted.length;
  job.numberComponentErrors = failures.length;
  const good = accepted.filter((c) => !failedKeys.has(`${c.type}:${c.fullName}`));
  job.successes = good.map((c) => ({
    componentType: c.type,
    fullName: c.fullName,
    fileName: c.fileName,
    created: !state.component(c.type, c.fullName)
  }));
  const ok = failures.length === 0 && job.testFailures.length === 0 && !job.errorMessage;
  const stores = !job.checkOnly && (ok || !job.rollbackOnError);
  job.pending = stores
    ? good.map((c) => ({ type: c.type, fullName: c.fullName, xml: storedXml(c, org), files: c.files, lastModified: 0 }))
    : [];
  job.numberComponentsDeployed = ok || !job.rollbackOnError ? good.length : 0;
  job.status = ok ? 'Succeeded' : job.rollbackOnError || good.length === 0 ? 'Failed' : 'SucceededPartial';
}

function commonFolder(names: string[]): string {
  const withManifest = names.find((n) => /^[^/]+\/package\.xml$/.test(n));
  return withManifest ? withManifest.slice(0, withManifest.indexOf('/') + 1) : '';
}

function parsePackageXml(xml: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const root = parseXml(xml);
  for (const t of children(root, 'types')) {
    const name = textOf(t, 'name') ?? '';
    const set = out.get(name) ?? new Set<string>();
    for (const m of children(t, 'members')) set.add(m.text.trim());
    out.set(name, set);
  }
  return out;
}

function failure(
  componentType: string,
  fullName: string,
  fileName: string,
  problem: string,
  lineNumber?: number,
  columnNumber?: number
): ComponentFailure {
  return { componentType, fullName, fileName, problem, problemType: 'Error', lineNumber, columnNumber };
}

function parseComponent(
  type: string,
  fullName: string,
  fileName: string,
  xml: string,
  failures: ComponentFailure[],
  rootName: string
): DeployComponent {
  const c: DeployComponent = { type, fullName, fileName, xml };
  try {
    c.root = parseXml(xml);
    if (c.root.local !== rootName) {
      failures.push(
        failure(
          type,
          fullName,
          fileName,
          `Expected the root element <${rootName}>, found <${c.root.local}>`,
          c.root.line,
          c.root.column
        )
      );
    }
  } catch (e) {
    const err = e as XmlSyntaxError;
    failures.push(failure(type, fullName, fileName, `Error parsing file: ${err.message}`, err.line, err.column));
  }
  return c;
}

/** An object file holds the object itself (when declared) and its fields, each its own component. */
function splitObject(
  objectName: string,
  fileName: string,
  xml: string,
  declared: Map<string, Set<string>>,
  failures: ComponentFailure[]
): DeployComponent[] {
  const whole = parseComponent('CustomObject', objectName, fileName, xml, failures, 'CustomObject');
  if (!whole.root) return [whole];
  const out: DeployComponent[] = [];
  for (const f of children(whole.root, 'fields')) {
    const name = textOf(f, 'fullName') ?? '';
    out.push({
      type: 'CustomField',
      fullName: `${objectName}.${name}`,
      fileName,
      xml: wrap('CustomField', innerXml(xml, f)),
      root: f
    });
  }
  const ownContent = whole.root.children.some((n) => n.local !== 'fields');
  if (ownContent || declared.get('CustomObject')?.has(objectName)) {
    const withoutFields = xml.replace(/<fields>[\s\S]*?<\/fields>\s*/g, '');
    out.push({ ...whole, xml: withoutFields });
  }
  return out;
}

function splitLabels(
  fileName: string,
  xml: string,
  failures: ComponentFailure[],
  declared: Map<string, Set<string>>
): DeployComponent[] {
  const whole = parseComponent('CustomLabels', 'CustomLabels', fileName, xml, failures, 'CustomLabels');
  if (!whole.root) return [whole];
  return [
    ...(declared.get('CustomLabels')?.has('CustomLabels') ? [whole] : []),
    ...children(whole.root, 'labels').map((l) => ({
      type: 'CustomLabel',
      fullName: textOf(l, 'fullName') ?? '',
      fileName,
      xml: wrap('CustomLabel', innerXml(xml, l)),
      root: l
    }))
  ];
}

/** The source text inside one element (between its tags), cut out of the document by line. */
function innerXml(doc: string, node: XmlNode): string {
  const lines = doc.split('\n');
  let start = 0;
  for (let i = 0; i < node.line - 1; i++) start += lines[i].length + 1;
  start += node.column - 1;
  const open = doc.indexOf('>', start) + 1;
  let depth = 0;
  const tag = new RegExp(`<(/?)${node.name}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  tag.lastIndex = start;
  for (let m = tag.exec(doc); m; m = tag.exec(doc)) {
    if (m[2] === '/') continue;
    if (m[1] === '/') depth--;
    else depth++;
    if (depth === 0) return doc.slice(open, m.index);
  }
  return '';
}

function wrap(type: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${type} xmlns="http://soap.sforce.com/2006/04/metadata">${inner}</${type}>\n`;
}

/** Runs the "tests": every test method passes unless settings.failTests names it. */
function runTests(
  state: OrgState,
  settings: MetadataSettings,
  job: DeployJob,
  accepted: DeployComponent[],
  failures: ComponentFailure[]
) {
  const classBody = (name: string): string | undefined => {
    const inZip = accepted.find((c) => c.type === 'ApexClass' && c.fullName === name);
    const files = inZip?.files ?? state.component('ApexClass', name)?.files;
    return files ? Object.values(files)[0].toString('utf8') : undefined;
  };
  const isTestClass = (body: string) => /@isTest/i.test(body);
  let classes: string[] = [];
  if (job.testLevel === 'RunSpecifiedTests') {
    if (!job.runTests.length) job.errorMessage = 'RunSpecifiedTests needs at least one test class in runTests';
    for (const name of job.runTests) {
      if (classBody(name) === undefined) {
        failures.push(
          failure(
            'ApexClass',
            name,
            `classes/${name}.cls`,
            `Apex test class ${name} was not found in the org or the package`
          )
        );
      } else classes.push(name);
    }
  } else if (job.testLevel === 'RunLocalTests' || job.testLevel === 'RunAllTestsInOrg') {
    const names = new Set([
      ...state.components('ApexClass').map((c) => c.fullName),
      ...accepted.filter((c) => c.type === 'ApexClass').map((c) => c.fullName)
    ]);
    classes = [...names].filter((n) => isTestClass(classBody(n) ?? ''));
  }
  if (classes.length) {
    for (const c of accepted) {
      const code = c.type === 'ApexClass' ? classBody(c.fullName) : undefined;
      if (code === undefined || isTestClass(code)) continue;
      const numLocations = code.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\*|\/\*)/.test(l)).length;
      const share = settings.coverage[c.fullName] ?? 1;
      job.coverage.push({
        name: c.fullName,
        numLocations,
        numLocationsNotCovered: Math.round(numLocations * (1 - share))
      });
    }
  }
  for (const name of classes) {
    const body = classBody(name) ?? '';
    const methods = [
      ...body.matchAll(/(?:@isTest\s+(?:static\s+)?|testMethod\s+)(?:static\s+)?void\s+(\w+)\s*\(/gi)
    ].map((m) => m[1]);
    for (const method of methods.length ? methods : ['(no test methods)']) {
      job.testsRun.push(`${name}.${method}`);
      const f = settings.failTests.find((t) => t.name === name && t.methodName === method);
      if (f) {
        const line = f.line ?? 1;
        job.testFailures.push({
          name,
          methodName: method,
          message: f.message,
          stackTrace: `Class.${name}.${method}: line ${line}, column 1`
        } satisfies TestFailure);
      }
    }
  }
}

function asyncResultXml(id: string, state: string): string {
  return `<result><done>false</done><id>${id}</id><state>${state}</state></result>`;
}

function checkDeployStatus(state: OrgState, body: XmlNode) {
  const id = textOf(body, 'asyncProcessId') ?? '';
  const includeDetails = textOf(body, 'includeDetails') === 'true';
  const job = state.deployJobs.get(id);
  if (!job) return soapFault('INVALID_ID_FIELD', `No deploy request with Id ${id}`);
  if (job.pollsUntilDone > 0) {
    job.pollsUntilDone--;
    job.status = 'InProgress';
    return soapResponse('checkDeployStatus', deployResultXml(job, false, includeDetails));
  }
  if (job.status === 'InProgress' || job.status === 'Queued') job.status = finalStatus(job);
  // Store once, on the first "done" answer.
  for (const c of job.pending) state.putComponent(c);
  job.pending = [];
  return soapResponse('checkDeployStatus', deployResultXml(job, true, includeDetails));
}

function finalStatus(job: DeployJob): DeployJob['status'] {
  const ok = job.failures.length === 0 && job.testFailures.length === 0 && !job.errorMessage;
  if (ok) return 'Succeeded';
  return job.rollbackOnError || job.numberComponentsDeployed === 0 ? 'Failed' : 'SucceededPartial';
}

function deployResultXml(job: DeployJob, done: boolean, includeDetails: boolean): string {
  const status = done ? finalStatus(job) : 'InProgress';
  const success = done && status === 'Succeeded';
  const now = new Date().toISOString();
  const el = (name: string, v: string | number | boolean | undefined) =>
    v === undefined ? '' : `<${name}>${xmlEscape(String(v))}</${name}>`;
  let details = '';
  if (includeDetails && done) {
    const failures = job.failures
      .map(
        (f) =>
          `<componentFailures>${el('changed', false)}${el('columnNumber', f.columnNumber)}${el('componentType', f.componentType)}${el('created', false)}` +
          `${el('createdDate', now)}${el('deleted', false)}${el('fileName', f.fileName)}${el('fullName', f.fullName)}${el('lineNumber', f.lineNumber)}` +
          `${el('problem', f.problem)}${el('problemType', f.problemType)}${el('success', false)}</componentFailures>`
      )
      .join('');
    const successes = job.successes
      .map(
        (s) =>
          `<componentSuccesses>${el('changed', true)}${el('componentType', s.componentType)}${el('created', s.created)}${el('createdDate', now)}` +
          `${el('deleted', false)}${el('fileName', s.fileName)}${el('fullName', s.fullName)}${el('success', true)}</componentSuccesses>`
      )
      .join('');
    details = `<details>${failures}${successes}${runTestResultXml(job)}</details>`;
  }
  const testsTotal = job.testsRun.length;
  return (
    `<result>${el('checkOnly', job.checkOnly)}${done ? el('completedDate', now) : ''}${el('createdBy', '005000000000001AAA')}` +
    `${el('createdByName', 'Emulator Admin')}${el('createdDate', new Date(job.createdAt).toISOString())}${details}${el('done', done)}` +
    `${done ? el('errorMessage', job.errorMessage) : ''}${el('id', job.id)}${el('ignoreWarnings', false)}` +
    `${el('numberComponentErrors', done ? job.numberComponentErrors : 0)}${el('numberComponentsDeployed', done ? job.numberComponentsDeployed : 0)}` +
    `${el('numberComponentsTotal', job.numberComponentsTotal)}${el('numberTestErrors', done ? job.testFailures.length : 0)}` +
    `${el('numberTestsCompleted', done ? testsTotal - job.testFailures.length : 0)}${el('numberTestsTotal', testsTotal)}` +
    `${el('rollbackOnError', job.rollbackOnError)}${el('runTestsEnabled', testsTotal > 0)}${el('startDate', new Date(job.createdAt).toISOString())}` +
    `${done ? '' : el('stateDetail', 'Deploying components')}${el('status', status)}${el('success', success)}</result>`
  );
}

function runTestResultXml(job: DeployJob): string {
  if (!job.testsRun.length) return '';
  const failed = new Set(job.testFailures.map((f) => `${f.name}.${f.methodName}`));
  const successes = job.testsRun
    .filter((t) => !failed.has(t))
    .map((t) => {
      const [name, methodName] = t.split('.');
      return `<successes><id>01p000000000001AAA</id><methodName>${xmlEscape(methodName)}</methodName><name>${xmlEscape(name)}</name><time>5</time></successes>`;
    })
    .join('');
  const failures = job.testFailures
    .map(
      (f) =>
        `<failures><id>01p000000000001AAA</id><message>${xmlEscape(f.message)}</message><methodName>${xmlEscape(f.methodName)}</methodName>` +
        `<name>${xmlEscape(f.name)}</name><stackTrace>${xmlEscape(f.stackTrace)}</stackTrace><time>5</time><type>Class</type></failures>`
    )
    .join('');
  const coverage = job.coverage
    .map(
      (c) =>
        `<codeCoverage><id>01p000000000002AAA</id><name>${xmlEscape(c.name)}</name><numLocations>${c.numLocations}</numLocations>` +
        `<numLocationsNotCovered>${c.numLocationsNotCovered}</numLocationsNotCovered><type>Class</type></codeCoverage>`
    )
    .join('');
  return (
    `<runTestResult>${coverage}${failures}<numFailures>${job.testFailures.length}</numFailures><numTestsRun>${job.testsRun.length}</numTestsRun>` +
    `${successes}<totalTime>${5 * job.testsRun.length}</totalTime></runTestResult>`
  );
}

// ---------------------------------------------------------------- read / save

function readMetadata(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const type = textOf(body, 'type') ?? '';
  const names = children(body, 'fullNames').map((n) => n.text.trim());
  const records = names
    .map((name) => {
      const c = state.component(type, name);
      if (!c) return '<records xsi:nil="true"/>';
      return `<records xsi:type="${xmlEscape(type)}"><fullName>${xmlEscape(name)}</fullName>${stripFullName(rootInner(shownXml(c, settings)))}</records>`;
    })
    .join('');
  return soapResponse('readMetadata', `<result>${records}</result>`);
}

function saveMetadata(state: OrgState, body: XmlNode) {
  const op = body.local;
  const results = children(body, 'metadata')
    .map((m) => {
      const type =
        Object.entries(m.attrs)
          .find(([k]) => k === 'xsi:type' || k.endsWith(':type'))?.[1]
          ?.replace(/^\w+:/, '') ?? '';
      const fullName = textOf(m, 'fullName') ?? '';
      if (!type || !fullName) {
        return `<result><errors><message>Every metadata needs xsi:type and fullName</message><statusCode>INVALID_TYPE</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      }
      const exists = !!state.component(type, fullName);
      if (op === 'createMetadata' && exists) {
        return `<result><errors><message>There is already a ${xmlEscape(type)} named ${xmlEscape(fullName)}</message><statusCode>DUPLICATE_DEVELOPER_NAME</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      }
      const refused = ecaProblems(state, type, m, (t, n) => !!state.component(t, n))[0];
      if (refused)
        return `<result><errors><message>${xmlEscape(refused)}</message><statusCode>FIELD_INTEGRITY_EXCEPTION</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      state.putComponent({ type, fullName, xml: wrap(type, nodeToXml(m.children)) });
      return `<result><created>${!exists}</created><fullName>${xmlEscape(fullName)}</fullName><success>true</success></result>`;
    })
    .join('');
  return soapResponse(op, results);
}

function nodeToXml(nodes: XmlNode[]): string {
  return nodes
    .map((n) =>
      n.children.length
        ? `<${n.local}>${nodeToXml(n.children)}</${n.local}>`
        : `<${n.local}>${xmlEscape(n.text)}</${n.local}>`
    )
    .join('');
}

/** The component's XML as the org shows it, with the empty-mapping trap applied when asked. */
function shownXml(c: MetadataComponent, settings: MetadataSettings): string {
  if (c.type !== 'MessagingChannel' || !settings.emptyMappingsOnRead) return c.xml;
  return c.xml.replace(/<customParameters>[\s\S]*?<\/customParameters>/g, (p) =>
    p.replace(/<actionParameterMappings>[\s\S]*?<\/actionParameterMappings>\s*/g, '')
  );
}

function rootInner(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const open = body.indexOf('>');
  const close = body.lastIndexOf('</');
  return open < 0 || close < 0 ? '' : body.slice(open + 1, close);
}

function stripFullName(inner: string): string {
  return inner.replace(/^\s*<fullName>[^<]*<\/fullName>/, '');
}

// ---------------------------------------------------------------- retrieve

interface RetrieveJob {
  members: Array<{ type: string; fullName: string }>;
}
const retrieveJobs = new WeakMap<OrgState, Map<string, RetrieveJob>>();

function startRetrieve(state: OrgState, body: XmlNode) {
  const request = child(body, 'request');
  const unpackaged = request && child(request, 'unpackaged');
  const members: RetrieveJob['members'] = [];
  for (const t of unpackaged ? children(unpackaged, 'types') : []) {
    const type = textOf(t, 'name') ?? '';
    for (const m of children(t, 'members')) {
      const name = m.text.trim();
      if (name === '*') members.push(...state.components(type).map((c) => ({ type, fullName: c.fullName })));
      else members.push({ type, fullName: name });
    }
  }
  const id = state.newId('DeployRequest').replace(/^0Af/, '09S');
  const jobs = retrieveJobs.get(state) ?? new Map<string, RetrieveJob>();
  retrieveJobs.set(state, jobs);
  jobs.set(id, { members });
  return soapResponse('retrieve', asyncResultXml(id, 'Queued'));
}

async function checkRetrieveStatus(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const id = textOf(body, 'asyncProcessId') ?? '';
  const job = retrieveJobs.get(state)?.get(id);
  if (!job) return soapFault('INVALID_ID_FIELD', `No retrieve request with Id ${id}`);
  const zip = new JSZip();
  const files: string[] = [];
  const messages: string[] = [];
  const manifest = new Map<string, string[]>();
  const objectFields = new Map<string, string[]>();
  for (const { type, fullName } of job.members) {
    const c = state.component(type, fullName);
    if (!c) {
      messages.push(
        `<messages><fileName>package.xml</fileName><problem>Entity of type '${xmlEscape(type)}' named '${xmlEscape(fullName)}' cannot be found</problem></messages>`
      );
      continue;
    }
    manifest.set(type, [...(manifest.get(type) ?? []), fullName]);
    if (type === 'CustomField') {
      const [obj] = fullName.split('.');
      objectFields.set(obj, [...(objectFields.get(obj) ?? []), `<fields>${rootInner(c.xml)}</fields>`]);
      continue;
    }
    const where = DIR_BY_TYPE[type];
    if (!where) continue;
    const path = `${where.dir}/${fullName}.${where.suffix}`;
    zip.file(path, shownXml(c, settings));
    files.push(
      `<fileProperties><fileName>${xmlEscape(path)}</fileName><fullName>${xmlEscape(fullName)}</fullName><type>${xmlEscape(type)}</type></fileProperties>`
    );
    for (const [p, content] of Object.entries(c.files ?? {})) zip.file(p, content);
  }
  for (const [obj, fields] of objectFields) {
    const path = `objects/${obj}.object`;
    zip.file(path, wrap('CustomObject', fields.join('')));
    files.push(
      `<fileProperties><fileName>${xmlEscape(path)}</fileName><fullName>${xmlEscape(obj)}</fullName><type>CustomObject</type></fileProperties>`
    );
  }
  const types = [...manifest]
    .map(
      ([type, names]) =>
        `<types>${names.map((n) => `<members>${xmlEscape(n)}</members>`).join('')}<name>${xmlEscape(type)}</name></types>`
    )
    .join('');
  zip.file(
    'package.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">${types}<version>66.0</version></Package>\n`
  );
  const zipFile = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
  return soapResponse(
    'checkRetrieveStatus',
    `<result><done>true</done>${files.join('')}<id>${id}</id>${messages.join('')}<status>Succeeded</status><success>true</success><zipFile>${zipFile}</zipFile></result>`
  );
}
