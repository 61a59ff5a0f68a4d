/** The payload file of `init --from-payload` and `smoke --payload`: one reader, one set of messages. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readPayloadFile } from '../../scripts/project/payloadFile';
import { runCli } from '../support/cli';
import { withoutOrgEnvironment } from '../support/noOrgEnv';

const ROOT = path.resolve(__dirname, '..', '..');

describe('readPayloadFile', () => {
  let dir: string;
  const file = (name: string, text: string): string => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-payload-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the routing attributes of a captured conversation request', () => {
    const f = file('captured.json', JSON.stringify({ esDeveloperName: 'D', routingAttributes: { _email: 'a@b.c' } }));
    expect(readPayloadFile(f)).toEqual({ _email: 'a@b.c' });
  });

  it('names the line and column of malformed JSON', () => {
    expect(() => readPayloadFile(file('bad.json', '{\n  "_email": "a@b.c",\n}\n'))).toThrow(
      `${path.join(dir, 'bad.json')} is not valid JSON: Expected a property name in double quotes, found "}" at line 3, column 1. Fix the syntax there.`
    );
  });

  it('says what a missing file should be', () => {
    expect(() => readPayloadFile(path.join(dir, 'nope.json'))).toThrow(
      `${path.join(dir, 'nope.json')} does not exist. Pass the path of a JSON file with the routing attributes.`
    );
  });
});

describe('smoke --payload that is not JSON', () => {
  withoutOrgEnvironment();

  it('fails (exit 1) with the position, before any org is asked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-payload-'));
    try {
      const f = path.join(dir, 'p.json');
      fs.writeFileSync(f, 'not json');
      const run = await runCli(['smoke', '--payload', f], ROOT);
      expect({ code: run.code, stderr: run.stderr }).toEqual({
        code: 1,
        stderr: `Error: ${f} is not valid JSON: Unexpected "n" at line 1, column 1. Fix the syntax there.\n`
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
