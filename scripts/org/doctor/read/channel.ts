/** The messaging channel: its metadata (1 Metadata API read) and its MessagingChannel record (1 query). */
import type { HandoffModel } from '../../../model/types';
import { asArray, asBool, asText, queryAll, readMeta, soqlString, type OrgCaller } from '../../doctorSoql';
import type { ChannelSnapshot } from '../snapshot';

type Meta = Record<string, unknown>;

function mappingNames(p: Meta): string[] {
  return asArray(p.actionParameterMappings as Meta[] | Meta | undefined)
    .map((m) => asText(m.actionParameterName) ?? '')
    .filter(Boolean);
}

/** The channel as the checks see it, and its raw metadata (the settings comparison reads it too). */
export async function readChannel(
  org: OrgCaller,
  model: HandoffModel
): Promise<{ channel: ChannelSnapshot; meta?: Meta }> {
  const meta = await readMeta(org, 'MessagingChannel', model.channel.developerName);
  const [rec] = await queryAll<{ IsActive: boolean }>(
    org,
    `SELECT Id, DeveloperName, IsActive FROM MessagingChannel WHERE DeveloperName = ${soqlString(model.channel.developerName)}`
  );
  const channel: ChannelSnapshot = {
    exists: !!meta,
    isActive: rec ? asBool(rec.IsActive) : undefined,
    sessionHandlerFlow: meta ? asText(meta.sessionHandlerFlow) : undefined,
    customParameters: asArray(meta?.customParameters as Meta[] | Meta | undefined).map((p) => ({
      name: asText(p.name) ?? '',
      externalParameterName: asText(p.externalParameterName) ?? '',
      maxLength: Number(asText(p.maxLength)) || undefined,
      mappings: mappingNames(p)
    })),
    standardParameters: asArray(meta?.standardParameters as Meta[] | Meta | undefined).map((p) => ({
      parameterType: asText(p.parameterType) ?? '',
      mappings: mappingNames(p)
    }))
  };
  return { channel, meta };
}
