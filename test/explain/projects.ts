/**
 * Throw-away projects for the explain tests: the shipped example, or a vendor's starting config
 * (what `handoff init --vendor X` writes) with its generated metadata, each a complete project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Vendor } from '../../scripts/config/types';
import { starterConfig } from '../../scripts/config/templates';
import { generateFromConfig } from '../../scripts/generate/build';
import { CONFIG, makeExample, REPO, tempDir } from '../validate/example';

export { REPO, tempDir };

export function writeGenerated(dir: string): void {
  fs.rmSync(path.join(dir, 'force-app/generated'), { recursive: true, force: true });
  for (const f of generateFromConfig(path.join(dir, CONFIG)).files) {
    const file = path.join(dir, 'force-app/generated', f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
}

/** `example` is the shipped handoff.config.json; a vendor name is its init template. */
export function makeProject(which: 'example' | Vendor): string {
  const dir = tempDir(`handoff-explain-${which}-`);
  if (which === 'example') return makeExample(dir, { config: true });
  fs.copyFileSync(path.join(REPO, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
  fs.cpSync(path.join(REPO, 'force-app/main'), path.join(dir, 'force-app/main'), { recursive: true });
  fs.writeFileSync(path.join(dir, CONFIG), JSON.stringify(starterConfig(which), null, 2) + '\n');
  writeGenerated(dir);
  return dir;
}

/** A payload with a value for every key of the project's config, written beside it. */
export function payloadFor(dir: string, values: Record<string, string> = {}): string {
  const config = JSON.parse(fs.readFileSync(path.join(dir, CONFIG), 'utf8')) as { attributes: { key: string }[] };
  const body: Record<string, string> = {};
  for (const a of config.attributes) body[a.key] = values[a.key] ?? `value of ${a.key}`;
  const file = path.join(dir, 'payload.json');
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}
