/**
 * Builds what `handoff deploy` sends, offline, with @salesforce/source-deploy-retrieve: the
 * project's source (every package directory of the read model, scripts/source; .forceignore applied) as a
 * ComponentSet, split into the phases of deployPhases.ts, each converted to a metadata-format zip
 * with its package.xml. SDR merges the MessagingSession field files into one object file, as the
 * Metadata API expects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComponentSet, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { API_VERSION, APEX_TEST_CLASSES } from '../contract';
import { UserError } from '../project/errors';
import { generatedFolder } from '../project/outputDir';
import { PROJECT_FILES } from '../project/paths';
import type { SourceProject } from '../source/project';
import { projectLoginUrlMistake } from './projectLoginUrl';
import { APEX_TYPES, DEPLOY_PHASES, OTHER_PHASE, phaseOf, type DeployPhase } from './deployPhases';

export interface PhasePackage {
  phase: DeployPhase;
  components: ComponentSet;
  /** `Type:FullName` of every component, sorted (for reports and tests). */
  members: string[];
  /**
   * Components as the Metadata API counts them in numberComponentsTotal: each child (a field, a list
   * view, a label) its own, besides the file that holds it. Progress lines print this count so they
   * agree with the org's "n/total components".
   */
  componentCount: number;
  hasApex: boolean;
}

export interface ProjectPackage {
  /** Every component of the project, for mapping deploy results back to files. */
  all: ComponentSet;
  phases: PhasePackage[];
  /** The kit's Apex test classes (contract.ts) present in the project. */
  kitTests: string[];
}

/** SDR skips an Apex body without its -meta.xml silently; the deploy would then miss it. */
function apexWithoutMeta(project: SourceProject): string[] {
  return [...project.allFiles].filter((p) => /\.(cls|trigger)$/.test(p) && !project.allFiles.has(`${p}-meta.xml`));
}

/** The package directories that exist on disk, absolute. */
function existingPackageDirectories(project: SourceProject): string[] {
  const dirs = project.packageDirs.map((d) => path.resolve(project.root, d)).filter((d) => fs.existsSync(d));
  if (!dirs.length)
    throw new UserError(`${path.join(project.root, 'sfdx-project.json')} lists no existing packageDirectories.`, [
      'Add { "path": "force-app", "default": true }, or run `handoff init` in a new project.'
    ]);
  return dirs;
}

/**
 * The generated folder is part of what deploys: inside a package directory and built. Without this, a
 * project whose output.dir lies outside its package directories deploys only its hand-written half.
 */
function checkGeneratedFolder(project: SourceProject): void {
  const config = path.join(project.root, PROJECT_FILES.config);
  if (!fs.existsSync(config)) return; // an org's own project: nothing generated to deploy
  const out = generatedFolder(project.root, project.packageDirs, config);
  if (!out.inPackage)
    throw new UserError(
      `The output folder ${out.rel} is not inside a package directory of sfdx-project.json (${project.packageDirs.join(', ')}): the generated metadata would not deploy.`,
      ['Set output.dir in handoff.config.json to a folder inside a package directory, then run `handoff build`.']
    );
  if (!fs.existsSync(out.abs))
    throw new UserError(`The output folder ${out.rel} does not exist: nothing generated to deploy.`, [
      'Run `handoff build` first.'
    ]);
  const ignored = project.forceIgnoredUnder(out.abs);
  if (ignored.length)
    throw new UserError(
      `.forceignore excludes generated files of ${out.rel} (first: ${path.relative(project.root, ignored[0]).split(path.sep).join('/')}): the hand-off would deploy without them.`,
      [
        `Remove the .forceignore pattern that matches ${out.rel}; the generated folder must be deployed with the project.`
      ]
    );
}

/** The project (scripts/source's read model) as deploy phases, each a ComponentSet. */
export function deployPackageOf(project: SourceProject): ProjectPackage {
  const root = project.root;
  const dirs = existingPackageDirectories(project);
  checkGeneratedFolder(project);
  const orphans = apexWithoutMeta(project);
  if (orphans.length) {
    throw new UserError(
      'Apex files without their -meta.xml would be left out of the deploy.',
      orphans.map((p) => `${p}: add ${path.posix.basename(p)}-meta.xml (apiVersion ${API_VERSION}, status Active)`)
    );
  }
  let all: ComponentSet;
  try {
    all = ComponentSet.fromSource({ fsPaths: dirs });
  } catch (e) {
    throw new UserError(`The project's metadata could not be read: ${(e as Error).message}`, [
      'Fix or remove the file it names, then run handoff validate.'
    ]);
  }
  all.apiVersion = API_VERSION;
  const components = all.getSourceComponents().toArray();
  if (!components.length)
    throw new UserError(`No metadata found in ${dirs.map((d) => path.relative(root, d)).join(', ')}.`, [
      'Run `handoff build` first.'
    ]);
  const byPhase = new Map<DeployPhase, SourceComponent[]>();
  for (const c of components) {
    const phase = phaseOf(c.type.name);
    byPhase.set(phase, [...(byPhase.get(phase) ?? []), c]);
  }
  const phases: PhasePackage[] = [];
  for (const phase of [...DEPLOY_PHASES, OTHER_PHASE]) {
    const list = byPhase.get(phase);
    if (list?.length) phases.push(phasePackage(phase, list));
  }
  const classNames = new Set(components.filter((c) => c.type.name === 'ApexClass').map((c) => c.fullName));
  return { all, phases, kitTests: APEX_TEST_CLASSES.filter((t) => classNames.has(t)) };
}

export function phasePackage(phase: DeployPhase, list: SourceComponent[]): PhasePackage {
  const components = new ComponentSet(list);
  components.apiVersion = API_VERSION;
  const members = list.map((c) => `${c.type.name}:${c.fullName}`).sort();
  const componentCount = list.reduce((n, c) => n + 1 + c.getChildren().length, 0);
  return { phase, components, members, componentCount, hasApex: list.some((c) => APEX_TYPES.includes(c.type.name)) };
}

/** Every phase in one package: what a check-only deploy validates (a check-only phase cannot see the ones before it). */
export function wholePackage(project: ProjectPackage): PhasePackage {
  const list = project.all.getSourceComponents().toArray();
  return phasePackage({ name: 'all', description: 'every component, in one check-only deploy', types: [] }, list);
}

/** The metadata-format zip (package.xml at its root) of a set of components. */
export async function zipOf(components: ComponentSet, root: string, env = process.env): Promise<Buffer> {
  let result: Awaited<ReturnType<MetadataConverter['convert']>>;
  try {
    result = await new MetadataConverter().convert(components, 'metadata', { type: 'zip' });
  } catch (e) {
    throw projectLoginUrlMistake(e, root, env) ?? e;
  }
  if (!result.zipBuffer) throw new Error('internal: SDR returned no zip');
  return result.zipBuffer;
}
