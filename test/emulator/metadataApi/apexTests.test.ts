/** Apex test runs of a deploy: which classes run per test level, injected failures, coverage. */
import { OrgState, type DeployJob, type ComponentFailure } from '../state';
import type { DeployComponent } from '../deployRules';
import { runTests } from './apexTests';
import { defaultMetadataSettings } from './settings';

const apex = (name: string, body: string): DeployComponent => ({
  type: 'ApexClass',
  fullName: name,
  fileName: `classes/${name}.cls-meta.xml`,
  xml: '',
  files: { [`classes/${name}.cls`]: Buffer.from(body) }
});
const job = (testLevel: string, runTests: string[] = []) =>
  ({ testLevel, runTests, testsRun: [], testFailures: [], coverage: [] }) as unknown as DeployJob;

const code = apex('Handler', 'public class Handler {\n  public void go() {\n    x();\n  }\n}');
const test1 = apex(
  'HandlerTest',
  '@isTest\nclass HandlerTest {\n  @isTest static void sends() {}\n  @isTest static void retries() {}\n}'
);

test('RunSpecifiedTests runs the named classes, reports the failing method and coverage', () => {
  const settings = defaultMetadataSettings();
  settings.failTests.push({ name: 'HandlerTest', methodName: 'retries', message: 'boom', line: 7 });
  settings.coverage.Handler = 0.5;
  const j = job('RunSpecifiedTests', ['HandlerTest']);
  const failures: ComponentFailure[] = [];
  runTests(new OrgState(), settings, j, [code, test1], failures);
  expect(j.testsRun).toEqual(['HandlerTest.sends', 'HandlerTest.retries']);
  expect(j.testFailures).toEqual([
    {
      name: 'HandlerTest',
      methodName: 'retries',
      message: 'boom',
      stackTrace: 'Class.HandlerTest.retries: line 7, column 1'
    }
  ]);
  expect(j.coverage).toEqual([{ name: 'Handler', numLocations: 5, numLocationsNotCovered: 3 }]);
  expect(failures).toEqual([]);
});

test('a named test class the org lacks fails; NoTestRun runs nothing; RunLocalTests finds the @isTest classes', () => {
  const failures: ComponentFailure[] = [];
  runTests(new OrgState(), defaultMetadataSettings(), job('RunSpecifiedTests', ['Ghost']), [code], failures);
  expect(failures.map((f) => f.problem)).toEqual(['Apex test class Ghost was not found in the org or the package']);
  const none = job('NoTestRun');
  runTests(new OrgState(), defaultMetadataSettings(), none, [code, test1], []);
  expect(none.testsRun).toEqual([]);
  const local = job('RunLocalTests');
  runTests(new OrgState(), defaultMetadataSettings(), local, [code, test1], []);
  expect(local.testsRun).toEqual(['HandlerTest.sends', 'HandlerTest.retries']);
});
