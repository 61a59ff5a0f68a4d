/**
 * Apex test runs of a deploy: which classes run for the test level, every @isTest method passes
 * unless settings.failTests names it, and the coverage of the package's non-test classes
 * (settings.coverage, default full).
 */
import type { ComponentFailure, DeployJob, OrgState, TestFailure } from '../state';
import type { DeployComponent } from '../deployRules';
import { failure } from './results';
import type { MetadataSettings } from './settings';

/** Runs the "tests": every test method passes unless settings.failTests names it. */
export function runTests(
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
