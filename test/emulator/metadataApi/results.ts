/**
 * What the Metadata API answers about a deploy, in the SOAP shape jsforce parses: the async result,
 * the deploy result (with componentFailures, componentSuccesses and runTestResult when details are
 * asked for), and one component failure.
 */
import { xmlEscape } from '../router';
import type { ComponentFailure, DeployJob } from '../state';

export function failure(
  componentType: string,
  fullName: string,
  fileName: string,
  problem: string,
  lineNumber?: number,
  columnNumber?: number
): ComponentFailure {
  return { componentType, fullName, fileName, problem, problemType: 'Error', lineNumber, columnNumber };
}

export function asyncResultXml(id: string, state: string): string {
  return `<result><done>false</done><id>${id}</id><state>${state}</state></result>`;
}

export function finalStatus(job: DeployJob): DeployJob['status'] {
  const ok = job.failures.length === 0 && job.testFailures.length === 0 && !job.errorMessage;
  if (ok) return 'Succeeded';
  return job.rollbackOnError || job.numberComponentsDeployed === 0 ? 'Failed' : 'SucceededPartial';
}

export function deployResultXml(job: DeployJob, done: boolean, includeDetails: boolean): string {
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
