/**
 * Generator of the Omni-Channel routing flow (processType RoutingFlow) described in docs/architecture.md and
 * docs/flow.md: flows/<model.flow.apiName>.flow-meta.xml.
 */
import type { Generator } from '../types';
import { renderXml } from '../../xml/write';
import { buildFlow, renderFlow } from './assemble';

export const generate: Generator = (model) => [
  {
    path: `flows/${model.flow.apiName}.flow-meta.xml`,
    content: renderXml(renderFlow(model, buildFlow(model)))
  }
];
