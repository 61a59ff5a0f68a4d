/**
 * The routing flow: its FlowDefinition (1 Tooling query), the active version's metadata (1 Tooling
 * query: Metadata can only be selected for one row at a time), and the project's flow file.
 */
import type { HandoffModel } from '../../../model/types';
import { FLOW_NODE_KINDS } from '../../../platform/flowElements';
import { SourceProject } from '../../../source/project';
import { generatedFolder } from '../../../project/outputDir';
import { flowView, type FlowView } from '../../../source/views/flow';
import { asArray, asBool, queryAll, soqlString, type OrgCaller } from '../../doctorSoql';
import type { FlowShape, FlowSnapshot } from '../snapshot';

type Meta = Record<string, unknown>;
export type Unavailable = { unavailable: string };

/** Input variables and element names of a flow in Metadata API JSON (Tooling `Flow.Metadata`). */
export function flowShapeFromJson(meta: Meta): FlowShape {
  const variables = asArray(meta.variables as Meta[] | Meta | undefined);
  return {
    inputVariables: variables.filter((v) => asBool(v.isInput)).map((v) => String(v.name)),
    elements: FLOW_NODE_KINDS.flatMap((t) =>
      asArray(meta[t] as Meta[] | Meta | undefined).map((e) => `${t}:${String(e.name)}`)
    )
  };
}

/** The same shape from the project's flow file. */
export function flowShapeFromView(flow: FlowView): FlowShape {
  const nodes = [...flow.nodes.entries()];
  return {
    inputVariables: [...flow.variables.values()].filter((v) => v.isInput).map((v) => v.name),
    elements: FLOW_NODE_KINDS.flatMap((t) => nodes.filter(([, n]) => n.local === t).map(([name]) => `${t}:${name}`))
  };
}

/** The shape of the project's flow `apiName`, read through the source model, or why it cannot be read. */
export function projectFlow(project: SourceProject | Unavailable, apiName: string): FlowShape | Unavailable {
  if (!(project instanceof SourceProject)) return project;
  const file = project.allOfType('Flow').find((f) => f.name === apiName);
  if (!file)
    return {
      unavailable: `no ${apiName}.flow-meta.xml in the package directories (${project.packageDirs.join(', ')}); \`handoff build\` writes it into ${generatedFolder(project.root, project.packageDirs).rel}`
    };
  if (!file.xml) return { unavailable: `${file.path}: ${file.xmlError?.message ?? 'not well-formed XML'}` };
  return flowShapeFromView(flowView({ ...file, xml: file.xml }));
}

/** The org's side of the flow; `project` is filled in from the project's files. */
export async function readFlow(org: OrgCaller, model: HandoffModel): Promise<Omit<FlowSnapshot, 'project'>> {
  const [def] = await queryAll<{
    Id: string;
    ActiveVersionId?: string | null;
    ActiveVersion?: { VersionNumber?: number } | null;
    LatestVersion?: { VersionNumber?: number } | null;
  }>(
    org,
    `SELECT Id, ActiveVersionId, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition WHERE DeveloperName = ${soqlString(model.flow.apiName)}`,
    true
  );
  let active: FlowShape | undefined;
  if (def?.ActiveVersionId) {
    const [version] = await queryAll<{ Metadata?: Meta }>(
      org,
      `SELECT Id, VersionNumber, Metadata FROM Flow WHERE Id = ${soqlString(def.ActiveVersionId)}`,
      true
    );
    if (version?.Metadata) active = flowShapeFromJson(version.Metadata);
  }
  return {
    exists: !!def,
    activeVersion: def?.ActiveVersion?.VersionNumber ?? undefined,
    latestVersion: def?.LatestVersion?.VersionNumber ?? undefined,
    active
  };
}
