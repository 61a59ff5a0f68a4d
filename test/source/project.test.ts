import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserError } from '../../scripts/project/errors';
import { loadProject } from '../../scripts/source/project';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** Writes files (project-relative path → content) into a fresh folder. */
function projectWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-source-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe('loadProject', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const make = (files: Record<string, string>): string => {
    const r = projectWith(files);
    roots.push(r);
    return r;
  };

  test('indexes every package directory by type and name; broken XML is kept, not typed away', () => {
    const root = make({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'app/main' }, { path: 'app/gen/' }] }),
      'app/main/queues/Tier1.queue-meta.xml': `<Queue ${NS}><name>Tier 1</name></Queue>`,
      'app/gen/queues/Tier2.queue-meta.xml': `<Queue ${NS}><name>Tier 2</name>`,
      'app/gen/flows/F.flow-meta.xml': `<Flow ${NS}><status>Active</status></Flow>`,
      'app/main/classes/Foo.cls': 'public class Foo {}',
      'app/main/classes/Foo.cls-meta.xml': `<ApexClass ${NS}><status>Active</status></ApexClass>`,
      'app/main/classes/__tests__/Ignored.flow-meta.xml': `<Flow ${NS}/>`,
      'app/main/.hidden/Ignored.flow-meta.xml': `<Flow ${NS}/>`,
      'app/main/readme.md': 'not metadata',
      'elsewhere/flows/Outside.flow-meta.xml': `<Flow ${NS}/>`
    });
    const p = loadProject(root);
    expect(p.packageDirs).toEqual(['app/main', 'app/gen']);
    expect(p.ofType('Queue').map((f) => f.name)).toEqual(['Tier1']);
    expect(p.has('Queue', 'Tier2')).toBe(true);
    expect(p.find('Queue', 'Tier2')).toBeUndefined();
    expect(p.allOfType('Queue').find((f) => f.name === 'Tier2')?.xmlError).toBeDefined();
    expect(p.findIgnoringCase('Queue', 'tier1')?.path).toBe('app/main/queues/Tier1.queue-meta.xml');
    expect(p.find('Flow', 'F')?.xml.local).toBe('Flow');
    expect(p.ofType('Flow').map((f) => f.name)).toEqual(['F']);
    expect(p.apexClass('foo')?.text).toBe('public class Foo {}');
    expect(p.find('ApexClass', 'Foo')).toBeDefined();
    expect(p.allFiles.has('app/main/readme.md')).toBe(true);
    expect(p.metadata.map((f) => f.path)).not.toContain('elsewhere/flows/Outside.flow-meta.xml');
  });

  test('a large file is read in pieces; a comment across a cut, or a broken file, is read whole with its line', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `    <variables><name>v${i}</name></variables>\n`).join('');
    const root = make({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'app' }] }),
      'app/flows/Plain.flow-meta.xml': `<Flow ${NS}>\n${rows}</Flow>\n`,
      // The comment opens on line 3002 and holds a `<` about 40 KB later: a cut falls inside it.
      'app/flows/Noted.flow-meta.xml': `<Flow ${NS}>\n${rows}<!-- ${'x'.repeat(40_000)} <b/> -->\n</Flow>\n`,
      'app/flows/Broken.flow-meta.xml': `<Flow ${NS}>\n${rows}<status>Active</Flow>\n`
    });
    const p = loadProject(root);
    expect(p.find('Flow', 'Plain')?.xml.children).toHaveLength(3000);
    // Lines counted across every cut between pieces: the last row is on line 3001, after <Flow>.
    expect(p.find('Flow', 'Plain')?.xml.children.map((n) => n.line)).toEqual(
      Array.from({ length: 3000 }, (_, i) => i + 2)
    );
    expect(p.find('Flow', 'Plain')?.commentLine).toBeUndefined();
    expect(p.find('Flow', 'Noted')?.xml.children).toHaveLength(3000);
    expect(p.find('Flow', 'Noted')?.commentLine).toBe(3002);
    expect(p.allOfType('Flow').find((f) => f.name === 'Broken')?.xmlError?.message).toBe(
      'Closing tag </Flow> does not match <status> opened on line 3002 (line 3002, column 15)'
    );
  });

  test('with types, only files of those types are read; the others are listed, not parsed', () => {
    const root = make({
      'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'app' }] }),
      'app/flows/F.flow-meta.xml': `<Flow ${NS}><status>Active</status></Flow>`,
      'app/permissionsets/Broken.permissionset-meta.xml': `<PermissionSet ${NS}>`,
      'app/classes/Foo.cls': 'public class Foo {}'
    });
    const p = loadProject(root, { types: new Set(['Flow']) });
    expect(p.metadata.map((f) => f.path)).toEqual(['app/flows/F.flow-meta.xml']);
    expect(p.allOfType('PermissionSet')).toEqual([]);
    expect(p.apex).toEqual([]);
    expect(p.allFiles.has('app/permissionsets/Broken.permissionset-meta.xml')).toBe(true);
  });

  test('a folder without sfdx-project.json is a user error naming the fix', () => {
    const root = make({ 'force-app/flows/F.flow-meta.xml': `<Flow ${NS}/>` });
    expect(() => loadProject(root)).toThrow(UserError);
    expect(() => loadProject(root)).toThrow(/No sfdx-project.json/);
  });
});
