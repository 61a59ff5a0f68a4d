/**
 * The notes a source comment cites are in the repository (issue 11): every `docs/*.md` named in
 * scripts/, test/, bench/ and lwc-ts/ exists, a section quoted after it (`docs/<name>.md, "Section"`)
 * is in that file, and no comment sends the reader to design notes outside the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const OUTSIDE = new RegExp(['REFERENCE', 'DESIGN', 'TOOLCHAIN'].map((n) => `\\b${n}\\.md`).join('|'));

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : sources(rel);
    return /\.(ts|js|cls)$/.test(e.name) ? [rel] : [];
  });
}

// This file names bad citations on purpose, in its probe.
const files = ['scripts', 'test', 'bench', 'lwc-ts', 'force-app/main/default/classes']
  .flatMap(sources)
  .filter((f) => f !== path.relative(ROOT, __filename));

/** What is wrong with the citations in one file, as `file: problem`. */
function problemsOf(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\bdocs\/([\w-]+\.md)(?:,? "([^"]+)")?/g)) {
    const doc = path.join(ROOT, 'docs', m[1]);
    if (!fs.existsSync(doc)) problems.push(`docs/${m[1]} does not exist`);
    else if (m[2] && !fs.readFileSync(doc, 'utf8').includes(m[2])) problems.push(`docs/${m[1]} has no "${m[2]}"`);
  }
  const outside = OUTSIDE.exec(text);
  if (outside) problems.push(`cites ${outside[0]}, which is outside the repository`);
  return problems.map((p) => `${file}: ${p}`);
}

it('finds the sources it reads, and the problems it looks for', () => {
  expect(files).toContain(path.join('scripts', 'contract.ts'));
  expect(files.length).toBeGreaterThan(100);
  const probe = `// docs/nowhere.md; docs/architecture.md, "No such section"; ${['REFERENCE', 'md'].join('.')}`;
  expect(problemsOf('probe.ts', probe)).toEqual([
    'probe.ts: docs/nowhere.md does not exist',
    'probe.ts: docs/architecture.md has no "No such section"',
    'probe.ts: cites REFERENCE.md, which is outside the repository'
  ]);
});

it('cites, in every source file, only notes that are in the repository', () => {
  expect(files.flatMap((f) => problemsOf(f))).toEqual([]);
});
