/**
 * The messaging layer between the vendor and the flow, modelled from the channel and deployment
 * files: which keys the MIAW API accepts (a published pre-chat field of the deployment), what it
 * drops and why, truncation to the parameter's maxLength, and which flow input each value reaches.
 * Each distinct key is planned once per project, with every verdict that does not depend on the
 * value made then and shared: a payload pays for a lookup per key, and a replay counts drops by
 * verdict without building any (issue 15).
 */
import {
  STANDARD_PARAMETERS,
  standardFormField,
  standardParameterFor,
  type StandardParameter
} from '../platform/standardParameters';
import { displayPath } from '../project/paths';
import { layoutOf, type SlotValues } from './flow/variables';
import { attrsOf, keysOf, kindOf, valueOf, type Payload } from './payload';
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
  /** The slots of flowInputs in the flow's variable layout (set on a route without `drop`: they are all input variables). */
  slots: number[];
  drop?: { code: DropCode; reason: string };
}

/** How one distinct key is judged: its verdicts made once, shared by every payload that sends it. */
interface KeyPlan {
  /** Set when no route takes the key: dropped whatever its value. */
  unrouted?: KeyVerdict;
  route?: Route;
  /** The route's own problem as this key's verdict (after the value's type is checked). */
  blocked?: KeyVerdict;
  /** The verdict for a value that is not a string, by its kind (`a number`…), made on first sight. */
  notString: Map<string, KeyVerdict>;
}

export interface MessagingLayer {
  routes: Map<string, Route>;
  /** Lower-cased key → the exact externalParameterName, for "did you mean" hints. */
  nearMisses: Map<string, string>;
  /** Every key's verdict, in the order sent, and the value each flow input receives (by variable slot). */
  apply(payload: Payload): { verdicts: KeyVerdict[]; inputs: SlotValues };
  /**
   * The flow inputs alone (by variable slot); the verdict of each dropped key is pushed onto `dropped`
   * (a shared object: the same one for every payload that drops the key for the same reason, until
   * the plans are started again past MAX_RESOLVED_KEYS). Accepted keys make no verdict.
   */
  inputsOf(payload: Payload, dropped: KeyVerdict[]): SlotValues;
}

/** Truncates to `max` Unicode code points (never splitting a surrogate pair). */
export function truncate(value: string, max: number | undefined): { value: string; from?: number } {
  if (max === undefined || value.length <= max) return { value };
  const cps = Array.from(value);
  if (cps.length <= max) return { value };
  return { value: cps.slice(0, max).join(''), from: cps.length };
}

/**
 * The layer over a key planner: plans are remembered per distinct key (a replay sends the same keys
 * in every payload), bounded so that hostile key sets cannot grow the memo.
 */
function layerOf(
  planFor: (key: string) => KeyPlan,
  notStringVerdict: (key: string, route: Route, kind: string) => KeyVerdict,
  routes: Map<string, Route>,
  nearMisses: Map<string, string>,
  variableCount: number
): MessagingLayer {
  const plans = new Map<string, KeyPlan>();
  const planOf = (key: string): KeyPlan => {
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = planFor(key);
      if (plans.size >= MAX_RESOLVED_KEYS) plans.clear();
      plans.set(key, plan);
    }
    return plan;
  };
  /**
   * Routes each value to its flow inputs' slots, in an array as long as the flow's variables (not a
   * Map per payload: issue 15); `out` gets every verdict, or only the dropped ones.
   */
  const judge = (payload: Payload, out: KeyVerdict[], accepted: boolean): SlotValues => {
    const inputs: SlotValues = new Array<undefined>(variableCount);
    const keys = keysOf(payload);
    const attrs = attrsOf(payload);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const raw = valueOf(payload, attrs, key);
      const plan = planOf(key);
      let drop = plan.unrouted;
      if (drop === undefined && typeof raw !== 'string') {
        const kind = kindOf(raw);
        drop = plan.notString.get(kind);
        if (drop === undefined) plan.notString.set(kind, (drop = notStringVerdict(key, plan.route!, kind)));
      }
      drop ??= plan.blocked;
      if (drop !== undefined) {
        out.push(drop);
        continue;
      }
      const route = plan.route!;
      // Most values are within their parameter's length: no truncation result made for them (issue 15).
      let value = raw as string;
      let from: number | undefined;
      if (route.maxLength !== undefined && value.length > route.maxLength)
        ({ value, from } = truncate(value, route.maxLength));
      for (const slot of route.slots) inputs[slot] = value;
      // One literal shape (no spreads): this line runs for every accepted key of a payload.
      if (accepted)
        out.push({
          key,
          parameter: route.parameter,
          standard: route.standard,
          maxLength: route.maxLength,
          flowInputs: route.flowInputs,
          accepted: true,
          value,
          truncatedFrom: from
        });
    }
    return inputs;
  };
  return {
    routes,
    nearMisses,
    apply(payload) {
      const verdicts: KeyVerdict[] = [];
      return { inputs: judge(payload, verdicts, true), verdicts };
    },
    inputsOf: (payload, dropped) => judge(payload, dropped, false)
  };
}

const notAStringReason = (kind: string): string =>
  `the value is ${kind}, not a string (MIAW routing attributes are strings)`;

/**
 * `--flow` with no channel naming the flow: a key that is exactly the name of an input variable of
 * the flow is passed to it unchanged (as if a channel mapped it); any other key is dropped.
 */
function directLayer(project: SimProject): MessagingLayer {
  const { flow } = project;
  const planFor = (key: string): KeyPlan => {
    const v = flow.variables.get(key);
    if (!v || !v.isInput)
      return {
        unrouted: {
          key,
          accepted: false,
          code: 'no-channel',
          reason: `no messaging channel routes to flow ${flow.apiName}, and "${key}" is not one of its input variables`,
          flowInputs: []
        },
        notString: new Map()
      };
    const slots = [layoutOf(flow).slots.get(key)!];
    return { route: { parameter: key, standard: false, flowInputs: [key], slots }, notString: new Map() };
  };
  const notString = (key: string, route: Route, kind: string): KeyVerdict => ({
    key,
    accepted: false,
    code: 'not-a-string',
    reason: notAStringReason(kind),
    flowInputs: route.flowInputs
  });
  return layerOf(planFor, notString, new Map(), new Map(), layoutOf(flow).slots.size);
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

  const { slots: slotOf } = layoutOf(flow);
  /** The slots of a route's inputs: none when the route drops its key (an input may not be a variable). */
  const slotsOf = (mappings: string[], drop: Route['drop']): number[] =>
    drop ? [] : mappings.map((m) => slotOf.get(m)!);
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
      slots: slotsOf(p.mappings, drop),
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
    const flowInputs = param?.mappings ?? [];
    return { parameter: s.type, standard: true, flowInputs, slots: slotsOf(flowInputs, drop), drop };
  };
  const standardRoutes = new Map(STANDARD_PARAMETERS.map((p) => [p, standardRoute(p)]));

  // A custom parameter with the exact key wins; otherwise a standard key (any case: `_firstName`, `_FirstName`).
  const planFor = (key: string): KeyPlan => {
    const standard = standardParameterFor(key);
    const route = routes.get(key) ?? (standard ? standardRoutes.get(standard) : undefined);
    if (!route) {
      const near = nearMisses.get(key.toLowerCase());
      const hint =
        near && near !== key && !near.startsWith('_') ? ` (did you mean "${near}"? keys match case-exactly)` : '';
      const reason = `no channel custom parameter has externalParameterName "${key}"${hint}`;
      return { unrouted: { key, accepted: false, code: 'no-parameter', reason, flowInputs: [] }, notString: new Map() };
    }
    return { route, blocked: route.drop && routeVerdict(key, route, route.drop), notString: new Map() };
  };
  const notString = (key: string, route: Route, kind: string): KeyVerdict =>
    routeVerdict(key, route, { code: 'not-a-string', reason: notAStringReason(kind) });
  return layerOf(planFor, notString, routes, nearMisses, slotOf.size);
}

/** A dropped key's verdict on a route. */
function routeVerdict(key: string, route: Route, drop: { code: DropCode; reason: string }): KeyVerdict {
  return {
    key,
    parameter: route.parameter,
    standard: route.standard,
    maxLength: route.maxLength,
    flowInputs: route.flowInputs,
    accepted: false,
    code: drop.code,
    reason: drop.reason
  };
}
