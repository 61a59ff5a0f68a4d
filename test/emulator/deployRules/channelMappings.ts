/**
 * The mapping trap real orgs show: a channel parameter's `actionParameterMappings` bind it to an
 * input variable of the channel's active routing flow. A mapping naming a variable the active flow
 * does not have as input (or made while no active flow existed) is not refused: the org keeps the
 * parameter and drops the mapping, and a read or retrieve shows it empty.
 * Evidence: docs/architecture.md, "Parameter mappings": they bind by name in real retrieves, and
 * mappings made before an active flow existed were seen retrieved empty (one public log).
 */
import { child, children, textOf } from '../../../scripts/xml/read';
import type { DeployComponent, OrgView } from './types';

/** The input variables of the channel's session handler flow, or an empty set when it is not active. */
function activeFlowInputs(c: DeployComponent, org: OrgView): Set<string> {
  const flowName = c.root ? textOf(c.root, 'sessionHandlerFlow') : undefined;
  const flow = flowName ? org.rootOf('Flow', flowName) : undefined;
  if (!flow || textOf(flow, 'status') !== 'Active') return new Set();
  return new Set(
    children(flow, 'variables')
      .filter((v) => textOf(v, 'isInput') === 'true')
      .map((v) => textOf(v, 'name') ?? '')
  );
}

/** The channel's XML as the org stores it: each mapping kept only if the active flow has that input. */
export function storedChannelXml(c: DeployComponent, org: OrgView): string {
  if (c.type !== 'MessagingChannel' || !c.root || !child(c.root, 'sessionHandlerFlow')) return c.xml;
  const inputs = activeFlowInputs(c, org);
  return c.xml.replace(
    /\s*<actionParameterMappings>\s*<actionParameterName>([^<]*)<\/actionParameterName>\s*<\/actionParameterMappings>/g,
    (whole, name: string) => (inputs.has(name.trim()) ? whole : '')
  );
}
