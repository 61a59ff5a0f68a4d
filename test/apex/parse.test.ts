import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkApexFolder, findApexFiles, parseApex } from '../../scripts/apex/parse';

const root = path.resolve(__dirname, '../..');
const classes = path.join(root, 'force-app');

describe('Apex syntax check', () => {
  it('parses every class under force-app and finds its -meta.xml', () => {
    const files = findApexFiles(classes);
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining([
        'HandoffEndConversation.cls',
        'HandoffEndConversationJob.cls',
        'HandoffBusinessHours.cls'
      ])
    );
    expect(checkApexFolder(classes, root)).toEqual([]);
  });

  it('reports a syntax error with its line', () => {
    const issues = parseApex('public with sharing class Broken {\n  public void run() {\n    Integer x = ;\n  }\n}\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].line).toBe(3);
  });

  it('reports a lexer error (bad string escape)', () => {
    expect(parseApex("public class Bad { String s = 'a\\q'; }").length).toBeGreaterThan(0);
  });

  it('reports a class without its -meta.xml and a broken class, by relative path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-parse-'));
    try {
      fs.writeFileSync(path.join(dir, 'Orphan.cls'), 'public class Orphan {}\n');
      fs.writeFileSync(path.join(dir, 'Broken.cls'), 'public class Broken {\n');
      fs.writeFileSync(path.join(dir, 'Broken.cls-meta.xml'), '<ApexClass/>\n');
      const problems = checkApexFolder(dir, dir);
      expect(problems.map((p) => p.file)).toEqual(['Broken.cls', 'Orphan.cls']);
      expect(problems[0].message).toMatch(/^Apex syntax error: /);
      expect(problems[1].message).toMatch(/has no Orphan\.cls-meta\.xml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
