/**
 * Wait elements. The simulator has no clock and no platform events, so an interview never pauses:
 * WAIT_RESUMES_BY names the assumption (the first wait event with a path fires at once; a Wait
 * without events takes its default path), and the trace and warnings say it was assumed.
 */
import type { WaitNode } from '../model';
import type { ElementHandler } from './types';

/** The one setting for an unknowable: which path a Wait takes when it resumes (docs/simulate.md). */
export const WAIT_RESUMES_BY: 'firstEvent' | 'default' = 'firstEvent';

export const runWait: ElementHandler<WaitNode> = (node, iv) => {
  const event = WAIT_RESUMES_BY === 'firstEvent' ? node.events.find((e) => e.next !== undefined) : undefined;
  const path = event ? `event "${event.label}" [${event.name}]` : `default "${node.defaultLabel}"`;
  const modelled = `the interview does not pause here: assumed to resume at once by ${path} (WAIT_RESUMES_BY = ${WAIT_RESUMES_BY})`;
  iv.env.modelled?.push({ element: node.name, action: 'wait', outcome: modelled });
  iv.trace({ type: 'wait', element: node.name, label: node.label, path, modelled });
  return event ? event.next : node.defaultNext;
};
