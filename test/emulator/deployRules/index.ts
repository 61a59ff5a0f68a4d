/**
 * The emulator's deploy rules: every rejection a real org makes that the emulator knows, each rule
 * with its evidence (README, "Deploy rules"). metadata.ts unpacks the zip and hands the components
 * here; what comes back are the component failures, the deploy-level error and the XML to store.
 */
import type { XmlNode } from '../../../scripts/xml/read';
import type { OrgState } from '../state';
import { xmlOf } from '../restSync';
import { apiVersionRules, manifestRules } from './apiVersion';
import { storedChannelXml } from './channelMappings';
import { fieldRules } from './fields';
import { flowRules } from './flows';
import { nameRules } from './names';
import { permissionRules } from './permissions';
import { referenceRules } from './references';
import { schemaRules } from './schema';
import type {
  ComponentRule,
  DeployComponent,
  DeployProblem,
  ManifestRule,
  OrgView,
  PackageRule,
  StrictSettings
} from './types';

export { defaultStrictSettings, type DeployComponent, type StrictSettings } from './types';
export { supportsApiVersion } from './apiVersion';

export const COMPONENT_RULES: readonly ComponentRule[] = [
  ...schemaRules,
  ...apiVersionRules,
  ...referenceRules,
  ...flowRules,
  ...fieldRules,
  ...permissionRules
];
export const PACKAGE_RULES: readonly PackageRule[] = nameRules;
export const MANIFEST_RULES: readonly ManifestRule[] = manifestRules;

/** The org after the deploy: its stored components, overlaid by the package's. */
export function orgView(state: OrgState, components: readonly DeployComponent[], settings: StrictSettings): OrgView {
  const inPackage = new Map<string, DeployComponent>();
  for (const c of components) inPackage.set(`${c.type}:${c.fullName}`, c);
  const rootOf = (type: string, fullName: string): XmlNode | undefined => {
    const mine = inPackage.get(`${type}:${fullName}`);
    if (mine) return mine.root;
    const stored = state.component(type, fullName);
    return stored ? xmlOf(stored) : undefined;
  };
  const has = (type: string, fullName: string) =>
    inPackage.has(`${type}:${fullName}`) || !!state.component(type, fullName);
  const isCustom = (name: string) => /__[a-z]+$/.test(name);
  return {
    settings,
    has,
    rootOf,
    hasObject: (name) => (isCustom(name) ? has('CustomObject', name) : settings.standardObjects.includes(name)),
    hasField: (objectName, field) => !isCustom(field) || has('CustomField', `${objectName}.${field}`)
  };
}

export interface RuleFailure {
  component: DeployComponent;
  rule: string;
  problem: DeployProblem;
}

/** Every problem the org finds in the package's components. */
export function deployProblems(components: readonly DeployComponent[], org: OrgView): RuleFailure[] {
  const out: RuleFailure[] = [];
  for (const c of components) {
    if (!c.root) continue;
    for (const rule of COMPONENT_RULES) {
      if (rule.types && !rule.types.includes(c.type)) continue;
      for (const problem of rule.check(c, org)) out.push({ component: c, rule: rule.id, problem });
    }
  }
  for (const rule of PACKAGE_RULES)
    for (const { component, problem } of rule.check(components, org)) out.push({ component, rule: rule.id, problem });
  return out;
}

/** The deploy-level error (package.xml), if any. */
export function manifestError(manifest: { version?: string }, org: OrgView): string | undefined {
  for (const rule of MANIFEST_RULES) {
    const message = rule.check(manifest, org);
    if (message) return message;
  }
  return undefined;
}

/** The XML the org stores for an accepted component (the channel mapping trap applied). */
export function storedXml(c: DeployComponent, org: OrgView): string {
  return storedChannelXml(c, org);
}
