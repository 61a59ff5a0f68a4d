/**
 * Every example the package ships runs in a user's project: the sf classes' examples and
 * descriptions (oclif.manifest.json, what `sf handoff … --help` prints), each command's usage text
 * (`npx handoff … --help`) and the command lines of the shipped markdown (docs/*.md, README.md)
 * name no file that only the kit's repository has. A path counts as the repository's when it exists
 * in this checkout, the package (package.json `files`) leaves it out and a user's project does not
 * have it after `handoff init` and `handoff build`. Needs the compiled CLI (`npm run build:cli`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_NAMES, loadCommand } from '../../scripts/cli/main';

const ROOT = path.resolve(__dirname, '../..');
const { files } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
/**
 * What a user's project has of the same names: `handoff init` writes handoff.config.json,
 * sfdx-project.json (with the package directory force-app) and .gitattributes; `handoff build`
 * writes force-app/generated; installing the kit makes node_modules (validate caches under its .cache).
 */
const USER_PROJECT = ['force-app/', 'handoff.config.json', 'sfdx-project.json', '.gitattributes', 'node_modules/'];

const covers = (entry: string, p: string) => p === entry.replace(/\/$/, '') || p.startsWith(entry.replace(/\/?$/, '/'));

/** The paths in `text` (a word with a slash in it) that only the kit's repository has. */
function repositoryOnlyPaths(text: string): string[] {
  const words = text.match(/[\w.-]+(?:\/[\w.-]+)+/g) ?? [];
  return words
    .map((w) => w.replace(/^\.\//, '').replace(/[.,:;]+$/, ''))
    .filter(
      (p) =>
        !p.startsWith('../') &&
        fs.existsSync(path.join(ROOT, p)) &&
        !files.some((f) => covers(f, p)) &&
        !USER_PROJECT.some((f) => covers(f, p))
    );
}

/**
 * A command line that runs the kit: `handoff …`, `npx handoff …` or `sf handoff …`, after a prompt,
 * environment assignments (`KEY="$(cat key.pem)" npx handoff …`) or a pipe.
 */
const RUNS_THE_KIT = /(?:^\s*(?:\$\s+)?(?:[A-Z_]+=(?:"[^"]*"|\S+)\s+)*|\|\s*)(?:npx |sf )?handoff [a-z]/;

/** The command lines of a markdown file's fenced code blocks. */
function commandLines(markdown: string): string[] {
  const fenced = markdown.split(/^```.*$/m).filter((_, i) => i % 2 === 1);
  return fenced.flatMap((block) => block.split('\n')).filter((line) => RUNS_THE_KIT.test(line));
}

it('the sf examples and descriptions name no file only the kit repository has', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
    commands: Record<
      string,
      { description?: string; examples?: Array<string | { command: string; description: string }> }
    >;
  };
  const named = Object.entries(manifest.commands).flatMap(([id, c]) =>
    [
      c.description ?? '',
      ...(c.examples ?? []).map((e) => (typeof e === 'string' ? e : `${e.description} ${e.command}`))
    ]
      .flatMap(repositoryOnlyPaths)
      .map((p) => `${id}: ${p}`)
  );
  expect(named).toEqual([]);
});

it("each command's usage text names no file only the kit repository has", async () => {
  const named: string[] = [];
  for (const name of COMMAND_NAMES)
    named.push(...repositoryOnlyPaths((await loadCommand(name))!.usage).map((p) => `${name}: ${p}`));
  expect(named).toEqual([]);
});

it('the command lines of the shipped markdown name no file only the kit repository has', () => {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  const named = ['README.md', ...docs].flatMap((file) =>
    commandLines(fs.readFileSync(path.join(ROOT, file), 'utf8'))
      .flatMap(repositoryOnlyPaths)
      .map((p) => `${file}: ${p}`)
  );
  expect(named).toEqual([]);
});

it('the check finds a repository-only path, and passes a shipped one and a user-project one', () => {
  expect(repositoryOnlyPaths('sf handoff simulate examples/payloads/fin-sample.json.')).toEqual([
    'examples/payloads/fin-sample.json'
  ]);
  expect(repositoryOnlyPaths('See docs/simulate.md; writes force-app/generated; ../shared/x.json')).toEqual([]);
  const markdown = [
    'text handoff build',
    '```sh',
    'handoff simulate a.json',
    'K="$(cat k.pem)" npx handoff smoke',
    "echo '{}' | sf handoff simulate -",
    'scripts/explain/   `handoff explain`: the report',
    '{"k": 1}',
    '```'
  ].join('\n');
  expect(commandLines(markdown)).toEqual([
    'handoff simulate a.json',
    'K="$(cat k.pem)" npx handoff smoke',
    "echo '{}' | sf handoff simulate -"
  ]);
});
