/**
 * What `npm pack` would put in the package (its file list, without packing): the compiled CLI, the
 * schema, the WSDL facts and the platform code `handoff init` copies; nothing of the tests, the
 * emulator, the TypeScript sources or the bench. The install-and-run test is packInstall.test.ts.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('npm pack ships the runtime and nothing of the tests or the emulator', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' }
  });
  const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'bin/handoff.js',
      'dist/scripts/cli/main.js',
      'dist/scripts/commands/init.js',
      'schemas/handoff.config.schema.json',
      'scripts/validate/wsdl/facts.json',
      'force-app/main/default/classes/HandoffEndConversation.cls',
      'force-app/main/default/lwc/handoffContext/handoffContext.js'
    ])
  );
  const unwanted = files.filter((f) =>
    /^(test|lwc-ts|bench|examples|config|\.ci|\.github|force-app\/generated)\/|^dist\/(bench|test)\/|\.map$|\.ts$|__tests__|^dist\/scripts\/(apex\/pmd|generate\/flow\/scan)\.js$/.test(
      f
    )
  );
  expect(unwanted).toEqual([]);
});
