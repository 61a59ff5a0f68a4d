/**
 * The messaging layer between the vendor and the flow, modelled from the channel and deployment
 * files: which keys the MIAW API accepts (a published pre-chat field of the deployment), what it
 * drops and why, truncation to the parameter's maxLength, and which flow input each value reaches.
 * The per-key verdict is compiled once per project; a payload only pays for Map lookups.
 */
import {
  STANDARD_PARAMETERS,
  standardFormField,
  standardParameterFor,
  type StandardParameter
} from '../platform/standardParameters';
import { displayPath } from '../project/paths';
import type { ChannelParameter, SimProject } from './project';

/**
 * Which name of a channel custom parameter a pre-chat `formField` holds. docs/architecture.md: unverified
 * whether it is `name` or `externalParameterName` (real samples keep them equal); the generator
 * writes `name`. Flip this one constant if a real org proves otherwise.
 */
export const FORM_FIELD_NAMES_PARAMETER_BY: 'name' | 'externalParameterName' = 'name';

/** Distinct payload keys whose resolution is remembered; past this the memo starts again. */
const MAX_RESOLVED_KEYS = 10_000;

export type DropCode =
  | 'not-a-string'
  | 'no-parameter'
  | 'no-form'
  | 'form-inactive'
  | 'not-on-form'
  | 'no-mapping'
  | 'not-flow-input'
  | 'no-channel';

export interface KeyVerdict {
  key: string;
  accepted: boolean;
  /** Set when dropped. */
  code?: DropCode;
  reason?: string;
  /** The channel parameter: its `name`, or the standard type (FirstName…). */
  parameter?: string;
  standard?: boolean;
  maxLength?: number;
  /** Flow input variables the value is passed to. */
  flowInputs: string[];
  /** The value as the flow receives it (accepted keys only). */
  value?: string;
  /** Original length in code points, when truncated. */
  truncatedFrom?: number;
}

/** A key's static verdict (independent of its value), compiled once. */
interface Route {
  parameter: string;
  standard: boolean;
  maxLength?: number;
  flowInputs: string[];
  drop?: { code: DropCode; reason: string };
}

export interface MessagingLayer {
  routes: Map<string, Route>;
  /** Lower-cased key → the exact externalParameterName, for "did you mean" hints. */
  nearMisses: Map<string, string>;
  apply(entries: Map<string, unknown>): { verdicts: KeyVerdict[]; inputs: Map<string, string> };
}

/** Truncates to `max` Unicode code points (never splitting a surrogate pair). */
export function truncate(value: string, max: number | undefined): { value: string; from?: number } {
  if (max === undefined || value.length <= max) return { value };
  const cps = Array.from(value);
  if (cps.length <= max) return { value };
  return { value: cps.slice(0, max).join(''), from: cps.length };
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * `--flow` with no channel naming the flow: a key that is exactly the name of an input variable of
 * the flow is passed to it unchanged (as if a channel mapped it); any other key is dropped.
 */
function directLayer(project: SimProject): MessagingLayer {
  const { flow } = project;
  const apply = (entries: Map<string, unknown>): { verdicts: KeyVerdict[]; inputs: Map<string, string> } => {
    const verdicts: KeyVerdict[] = [];
    const inputs = new Map<string, string>();
    for (const [key, raw] of entries) {
      const v = flow.variables.get(key);
      if (!v || !v.isInput) {
        verdicts.push({
          key,
          accepted: false,
          code: 'no-channel',
          reason: `no messaging channel routes to flow ${flow.apiName}, and "${key}" is not one of its input variables`,
          flowInputs: []
        });
        continue;
      }
      if (typeof raw !== 'string') {
        verdicts.push({
          key,
          accepted: false,
          code: 'not-a-string',
          reason: `the value is ${kindOf(raw)}, not a string (MIAW routing attributes are strings)`,
          flowInputs: [key]
        });
        continue;
      }
      inputs.set(key, raw);
      verdicts.push({ key, parameter: key, standard: false, flowInputs: [key], accepted: true, value: raw });
    }
    return { verdicts, inputs };
  };
  return { routes: new Map(), nearMisses: new Map(), apply };
}

export function compileMessaging(project: SimProject): MessagingLayer {
  const { channel, deployment, flow } = project;
  if (!channel) return directLayer(project);
  const dep = deployment ? displayPath(deployment.file) : '';
  const activeForms = deployment ? deployment.forms.filter((f) => f.isActive) : [];
  // A channel with no deployment in the project (`--flow`): the pre-chat form is not modelled.
  const onForm = (formField: string, type: string): boolean =>
    !deployment || activeForms.some((f) => f.fields.some((x) => x.formField === formField && x.parameterType === type));
  const formProblem = (): { code: DropCode; reason: string } | undefined => {
    if (!deployment) return undefined;
    if (!deployment.forms.length)
      return {
        code: 'no-form',
        reason: `deployment ${deployment.developerName} has no pre-chat form (embeddedServiceForms in ${dep})`
      };
    if (!activeForms.length)
      return {
        code: 'form-inactive',
        reason: `the pre-chat form of deployment ${deployment.developerName} is not active (isActive false in ${dep})`
      };
    return undefined;
  };
  const mappingProblem = (param: string, mappings: string[]): { code: DropCode; reason: string } | undefined => {
    if (!mappings.length)
      return {
        code: 'no-mapping',
        reason: `channel parameter ${param} has no actionParameterMappings, so the value never reaches the flow`
      };
    for (const m of mappings) {
      const v = flow.variables.get(m);
      if (!v || !v.isInput)
        return {
          code: 'not-flow-input',
          reason: `channel parameter ${param} maps to "${m}", which is not an input variable of flow ${flow.apiName}`
        };
    }
    return undefined;
  };

  const routes = new Map<string, Route>();
  const nearMisses = new Map<string, string>();
  const addCustom = (p: ChannelParameter): void => {
    const formName = FORM_FIELD_NAMES_PARAMETER_BY === 'name' ? p.name : p.externalParameterName;
    const drop =
      formProblem() ??
      (onForm(formName, 'Custom')
        ? mappingProblem(p.name, p.mappings)
        : {
            code: 'not-on-form' as const,
            reason: `channel parameter ${p.name} is not a field of the pre-chat form of deployment ${deployment?.developerName ?? ''} (no formField "${formName}")`
          });
    routes.set(p.externalParameterName, {
      parameter: p.name,
      standard: false,
      maxLength: p.maxLength,
      flowInputs: p.mappings,
      drop
    });
    nearMisses.set(p.externalParameterName.toLowerCase(), p.externalParameterName);
  };
  for (const p of channel.customParameters) addCustom(p);

  const standardRoute = (type: StandardParameter): Route => {
    const s = { type, formField: standardFormField(type) };
    const param = channel.standardParameters.find((p) => p.type === s.type);
    const drop =
      formProblem() ??
      (!onForm(s.formField, 'Standard')
        ? {
            code: 'not-on-form' as const,
            reason: `the standard field ${s.formField} is not on the pre-chat form of deployment ${deployment?.developerName ?? ''}`
          }
        : !param
          ? {
              code: 'no-parameter' as const,
              reason: `channel ${channel.developerName} has no standard parameter ${s.type}`
            }
          : mappingProblem(s.type, param.mappings));
    return { parameter: s.type, standard: true, flowInputs: param?.mappings ?? [], drop };
  };
  const standardRoutes = new Map(STANDARD_PARAMETERS.map((p) => [p, standardRoute(p)]));

  // What each key resolves to (its route, or why none takes it), worked out once per distinct key: a
  // replay sends the same keys in every payload (issue 15). Bounded, so hostile key sets cannot grow it.
  const resolved = new Map<string, Route | string>();
  const resolve = (key: string): Route | string => {
    let r = resolved.get(key);
    if (r !== undefined) return r;
    // A custom parameter with the exact key wins; otherwise a standard key (any case: `_firstName`, `_FirstName`).
    const standard = standardParameterFor(key);
    r = routes.get(key) ?? (standard ? standardRoutes.get(standard) : undefined);
    if (!r) {
      const near = nearMisses.get(key.toLowerCase());
      const hint =
        near && near !== key && !near.startsWith('_') ? ` (did you mean "${near}"? keys match case-exactly)` : '';
      r = `no channel custom parameter has externalParameterName "${key}"${hint}`;
    }
    if (resolved.size >= MAX_RESOLVED_KEYS) resolved.clear();
    resolved.set(key, r);
    return r;
  };

  const apply = (entries: Map<string, unknown>): { verdicts: KeyVerdict[]; inputs: Map<string, string> } => {
    const verdicts: KeyVerdict[] = [];
    const inputs = new Map<string, string>();
    for (const [key, raw] of entries) {
      const route = resolve(key);
      if (typeof route === 'string') {
        verdicts.push({ key, accepted: false, code: 'no-parameter', reason: route, flowInputs: [] });
        continue;
      }
      const base = {
        key,
        parameter: route.parameter,
        standard: route.standard,
        maxLength: route.maxLength,
        flowInputs: route.flowInputs
      };
      if (typeof raw !== 'string') {
        verdicts.push({
          ...base,
          accepted: false,
          code: 'not-a-string',
          reason: `the value is ${kindOf(raw)}, not a string (MIAW routing attributes are strings)`
        });
        continue;
      }
      if (route.drop) {
        verdicts.push({ ...base, accepted: false, code: route.drop.code, reason: route.drop.reason });
        continue;
      }
      const t = truncate(raw, route.maxLength);
      for (const input of route.flowInputs) inputs.set(input, t.value);
      // One literal shape (no spreads): this line runs for every key of every replayed payload.
      verdicts.push({
        key,
        parameter: route.parameter,
        standard: route.standard,
        maxLength: route.maxLength,
        flowInputs: route.flowInputs,
        accepted: true,
        value: t.value,
        truncatedFrom: t.from
      });
    }
    return { verdicts, inputs };
  };
  return { routes, nearMisses, apply };
}
