/** Reading a deploy's zip: the manifest, typing, splitting object and label files, Apex bodies, bundles. */
import JSZip from 'jszip';
import { readPackage } from './zip';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const pkg = (types: string) => `<Package xmlns="${NS}">${types}<version>66.0</version></Package>`;
const types = (name: string, ...members: string[]) =>
  `<types>${members.map((m) => `<members>${m}</members>`).join('')}<name>${name}</name></types>`;

async function read(files: Record<string, string>, singlePackage = true) {
  const zip = new JSZip();
  for (const [p, c] of Object.entries(files)) zip.file(p, c);
  const r = await readPackage(await JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer' })), singlePackage);
  if ('error' in r) throw new Error(r.error);
  return {
    ...r,
    names: r.accepted.map((c) => `${c.type}:${c.fullName}`).sort(),
    problems: r.failures.map((f) => `${f.fullName}: ${f.problem}`).sort()
  };
}

test('an object file gives its fields as components (and the object when it is named)', async () => {
  const object = `<CustomObject xmlns="${NS}"><fields><fullName>plan__c</fullName><label>Plan</label></fields><fields><fullName>tier__c</fullName><label>Tier</label></fields></CustomObject>`;
  const r = await read({
    'package.xml': pkg(types('CustomField', 'MessagingSession.plan__c', 'MessagingSession.tier__c')),
    'objects/MessagingSession.object': object
  });
  expect(r.names).toEqual(['CustomField:MessagingSession.plan__c', 'CustomField:MessagingSession.tier__c']);
  expect(r.accepted[0].xml).toBe(
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="${NS}"><fullName>plan__c</fullName><label>Plan</label></CustomField>\n`
  );
  expect(r.manifestVersion).toBe('66.0');
});

test('an object file gives every child type the registry names: a field set beside a field, the object left out', async () => {
  const object = `<CustomObject xmlns="${NS}"><fieldSets><fullName>Ctx</fullName><label>Ctx</label></fieldSets><fields><fullName>S__c</fullName></fields></CustomObject>`;
  const r = await read({
    'package.xml': pkg(types('CustomField', 'Case.S__c') + types('FieldSet', 'Case.Ctx')),
    'objects/Case.object': object
  });
  expect(r.names).toEqual(['CustomField:Case.S__c', 'FieldSet:Case.Ctx']);
  expect(r.problems).toEqual([]);
});

test('labels split into CustomLabel components; an Apex body joins its -meta.xml, an orphan fails', async () => {
  const r = await read({
    'package.xml': pkg(types('CustomLabel', 'Hello') + types('ApexClass', 'A')),
    'labels/CustomLabels.labels': `<CustomLabels xmlns="${NS}"><labels><fullName>Hello</fullName><value>Hi</value></labels></CustomLabels>`,
    'classes/A.cls': 'public class A {}',
    'classes/A.cls-meta.xml': `<ApexClass xmlns="${NS}"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>`,
    'classes/B.cls': 'public class B {}'
  });
  expect(r.names).toEqual(['ApexClass:A', 'CustomLabel:Hello']);
  expect(Object.keys(r.accepted.find((c) => c.type === 'ApexClass')!.files!)).toEqual(['classes/A.cls']);
  expect(r.problems).toEqual(['classes/B.cls: No -meta.xml file for classes/B.cls']);
});

test('a wrong root, a wrong suffix, an unknown folder and a bundle without its -meta.xml fail', async () => {
  const r = await read({
    'package.xml': pkg(types('Flow', 'F')),
    'flows/F.flow': `<Queue xmlns="${NS}"/>`,
    'flows/G.txt': 'x',
    'nowhere/X.y': 'x',
    'lwc/card/card.js': 'export default class {}'
  });
  expect(r.problems).toEqual([
    'F: Expected the root element <Flow>, found <Queue>',
    'G.txt: The file flows/G.txt does not have the Flow suffix .flow',
    'card: The bundle card has no card.js-meta.xml',
    'nowhere/X.y: Unknown metadata type for file nowhere/X.y'
  ]);
});

test('package.xml in the one folder unless singlePackage; missing, the deploy has no package', async () => {
  const r = await read(
    { 'src/package.xml': pkg(types('Flow', 'F')), 'src/flows/F.flow': `<Flow xmlns="${NS}"/>` },
    false
  );
  expect(r.names).toEqual(['Flow:F']);
  await expect(read({ 'src/package.xml': pkg('') })).rejects.toThrow(
    'No package.xml found at the root of the zip (singlePackage is true)'
  );
});
