/**
 * deploy and checkDeployStatus: the job is decided when the zip arrives (unpacked by zip.ts, judged
 * by the deploy rules against the org after the deploy, tests run by apexTests.ts); the status polls
 * only delay reporting it. Components are stored on the first status answer that says done.
 */
import JSZip from 'jszip';
import { child, children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { deployProblems, manifestError, orgView, storedXml } from '../deployRules';
import { ecaProblems } from '../externalClientApps';
import { soapFault, soapResponse } from '../router';
import type { DeployJob, OrgState } from '../state';
import { runTests } from './apexTests';
import { asyncResultXml, deployResultXml, failure, finalStatus } from './results';
import type { MetadataSettings } from './settings';
import { readPackage } from './zip';

export async function startDeploy(state: OrgState, settings: MetadataSettings, body: XmlNode) {
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
/** Decides the job's outcome now (the polls only delay reporting it). */
async function evaluateDeploy(
  state: OrgState,
  settings: MetadataSettings,
  job: DeployJob,
  zip: JSZip,
  singlePackage: boolean
) {
  const pkg = await readPackage(zip, singlePackage);
  const versionError =
    'error' in pkg ? pkg.error : manifestError({ version: pkg.manifestVersion }, orgView(state, [], settings.strict));
  if ('error' in pkg || versionError) {
    job.errorMessage = versionError;
    job.status = 'Failed';
    return;
  }
  const { accepted, failures } = pkg;
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

export function checkDeployStatus(state: OrgState, body: XmlNode) {
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
