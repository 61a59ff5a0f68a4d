/**
 * Generator of the Omni-Channel routing flow (processType RoutingFlow) described in docs/architecture.md and
 * docs/flow.md: flows/<model.flow.apiName>.flow-meta.xml.
 */
import { fileInPieces, type Generator } from '../types';
import { renderXmlPieces } from '../../xml/write';
import { buildFlow, flowChildren } from './assemble';

/** Rendered element by element into pieces: the flow is the one file that grows with every attribute in every section. */
export const generate: Generator = (model) => [
  fileInPieces(
    `flows/${model.flow.apiName}.flow-meta.xml`,
    renderXmlPieces('Flow', flowChildren(model, buildFlow(model)))
  )
];
