/** Baseline process: SDR converts the project at argv[2] to metadata format in argv[3] (`sf project convert source`). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';

async function main(): Promise<void> {
  const [root, out] = process.argv.slice(2);
  const dirs = (
    JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories: { path: string }[];
    }
  ).packageDirectories.map((d) => path.join(root, d.path));
  fs.rmSync(out, { recursive: true, force: true });
  const set = ComponentSet.fromSource({ fsPaths: dirs });
  await new MetadataConverter().convert(set, 'metadata', {
    type: 'directory',
    outputDirectory: out,
    genUniqueDir: false
  });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
