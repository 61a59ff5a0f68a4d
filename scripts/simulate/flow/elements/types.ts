/** The contract of an element handler: run one element of an interview, return the next element's name. */
import type { Interview } from '../interview';
import type { FlowNode } from '../model';

/** Runs `node`; returns the name of the next element (undefined ends the interview). OrgFault = runtime fault. */
export type ElementHandler<N extends FlowNode = FlowNode> = (node: N, iv: Interview) => string | undefined;
