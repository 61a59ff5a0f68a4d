/**
 * After `sf plugins install file:…` (or a git URL), @oclif/plugin-plugins 5 (Plugins.install) checks each
 * package.json `files` entry as a literal path in the installed package and warns "the prepare script did
 * not produce all the expected files" when one is missing: so each entry is a file or folder the checkout
 * and the build make, never a glob (globs stood there before). What ships of a folder is said by its
 * .npmignore: docs/.npmignore, and dist/scripts/.npmignore written by bin/dist-pack-rules.js.
 * Needs the compiled CLI (`npm run build:cli`); the tarball itself is checked by packInstall.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The entries plugin-plugins does not require (its `safeToNotExist`). */
const SAFE_TO_NOT_EXIST = new Set(['npm-shrinkwrap.json', 'oclif.lock', 'oclif.manifest.json']);

it('every package.json `files` entry is a path that exists after the build', () => {
  const { files } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  const missing = files.filter((f) => !SAFE_TO_NOT_EXIST.has(path.basename(f)) && !fs.existsSync(path.join(ROOT, f)));
  expect(missing).toEqual([]);
  expect(fs.existsSync(path.join(ROOT, 'dist', 'scripts', '.npmignore'))).toBe(true);
});
