/** The routing flow: in the org, a version active, and that version the project's (same inputs and elements). */
import type { HandoffModel } from '../../../model/types';
import { DEPLOY_FIX, pass, shortList, type Check } from '../check';
import type { FlowShape, FlowSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'Flow';

/** What differs between the org's active version and the project's flow file, in words. */
export function flowDiff(org: FlowShape, project: FlowShape): string[] {
  const diff: string[] = [];
  const orgInputs = new Set(org.inputVariables);
  const projInputs = new Set(project.inputVariables);
  for (const v of projInputs) if (!orgInputs.has(v)) diff.push(`input ${v} missing in the org`);
  for (const v of orgInputs) if (!projInputs.has(v)) diff.push(`input ${v} not in the project`);
  const orgEls = new Set(org.elements);
  const projEls = new Set(project.elements);
  const elDiff = [...projEls].filter((e) => !orgEls.has(e)).length + [...orgEls].filter((e) => !projEls.has(e)).length;
  if (elDiff) diff.push(`${elDiff} element(s) differ`);
  return diff;
}

function version(name: string, f: FlowSnapshot & { active: FlowShape; activeVersion: number }): Check {
  if ('unavailable' in f.project)
    return {
      id: 'flow.version',
      group: G,
      status: 'warn',
      message: `Cannot compare with the project: ${f.project.unavailable}`,
      fix: 'Run `handoff build`.'
    };
  const diff = flowDiff(f.active, f.project);
  const newer =
    f.latestVersion !== undefined && f.latestVersion !== f.activeVersion
      ? ` (version ${f.latestVersion} exists but is not active)`
      : '';
  if (!diff.length) return pass(G, 'flow.version', `Active version ${f.activeVersion} matches the project${newer}`);
  return {
    id: 'flow.version',
    group: G,
    status: 'fail',
    message: `Active version ${f.activeVersion} differs from the project${newer}: ${shortList(diff)}`,
    fix: `Run \`handoff deploy\` and activate the new version of ${name}.`
  };
}

export const flow: CheckFamily = {
  name: 'flow',
  checks(model: HandoffModel, s) {
    const f = s.flow;
    const name = model.flow.apiName;
    if (!f.exists)
      return [
        { id: 'flow.active', group: G, status: 'fail', message: `Flow ${name} is not in the org`, fix: DEPLOY_FIX }
      ];
    if (f.activeVersion === undefined || !f.active)
      return [
        {
          id: 'flow.active',
          group: G,
          status: 'fail',
          message: `Flow ${name} has no active version${f.latestVersion !== undefined ? ` (latest is version ${f.latestVersion})` : ''}`,
          fix: `Activate it: Setup → Flows → ${name} → Activate (or \`handoff deploy\`).`
        }
      ];
    return [
      pass(G, 'flow.active', `Version ${f.activeVersion} is active`),
      version(name, { ...f, active: f.active, activeVersion: f.activeVersion })
    ];
  }
};
