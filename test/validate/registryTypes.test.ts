import { checkDrift } from '../../scripts/generate/build';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validate } from '../../scripts/validate/index';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

describe('files of types the WSDL facts do not cover', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-types-'));
    const write = (rel: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
    // A retrieved Layout: SDR's registry types it, the kit's WSDL facts do not cover it.
    write('force-app/layouts/Case-Case Layout.layout-meta.xml', `<Layout ${NS}><bogus>1</bogus></Layout>`);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('are not schema-checked: a notice names the type, no finding', async () => {
    const r = await validate({ root, only: ['schema'], cache: false, checkDrift });
    expect(r.findings).toEqual([]);
    expect(r.notices).toEqual([
      {
        rule: 'schema/root',
        message: expect.stringContaining('not schema-checked (no WSDL facts): Layout;') as string
      }
    ]);
  });
});
