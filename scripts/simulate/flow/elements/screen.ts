/**
 * Screen elements. An Omni-Channel flow runs when work arrives, with no user in front of it: Flow
 * Builder offers no Screen element for that flow type, and Salesforce's help on Omni-Channel flows
 * lists the elements they take without screens. A file that has one is an error in the flow, not a
 * runtime fault, so the run stops naming it.
 */
import type { ScreenNode } from '../model';
import type { ElementHandler } from './types';

export const runScreen: ElementHandler<ScreenNode> = (node, iv) =>
  iv.fail(
    `the flow reaches the Screen ${node.name}: a ${iv.flow.processType || 'routing'} flow runs with no user to show it to (Omni-Channel flows cannot contain screens); remove it or move it to a screen flow`
  );
