/** What one interview records: a trace step per element it ran, and how it ended. */
import type { FlowValue } from './model';

export type TraceStep =
  | {
      type: 'assignment';
      element: string;
      label: string;
      items: { target: string; operator: string; value: FlowValue }[];
    }
  | {
      type: 'decision';
      element: string;
      label: string;
      outcome: string;
      outcomeLabel: string;
      /** Every rule tried, in order, with the conditions that were evaluated. */
      rules: DecisionRuleTrace[];
    }
  | {
      type: 'lookup';
      element: string;
      label: string;
      object: string;
      filters: string[];
      found: number;
      firstId: string | null;
    }
  | { type: 'update'; element: string; label: string; object: string; ids: string[]; fields: Record<string, FlowValue> }
  | { type: 'create'; element: string; label: string; object: string; id: string; fields: Record<string, FlowValue> }
  | {
      type: 'action';
      element: string;
      label: string;
      action: string;
      /** Name/value lists (not objects) so --json redaction never hides an Id named like a secret. */
      inputs: { name: string; value: FlowValue }[];
      outputs: { name: string; value: FlowValue }[];
      /** Set for platform actions the simulator cannot execute: the documented outcome it modelled. */
      modelled?: string;
    }
  | {
      type: 'loop';
      element: string;
      label: string;
      /** 1-based item number, or 0 when the collection is exhausted. */
      item: number;
      of: number;
    }
  | {
      type: 'collection';
      element: string;
      label: string;
      /** Filter keeps the items whose conditions hold; Sort reorders the collection in place. */
      operation: 'filter' | 'sort';
      collection: string;
      before: number;
      after: number;
    }
  | {
      type: 'subflow';
      element: string;
      label: string;
      flow: string;
      /** Whether the project has the flow (then it ran); otherwise the documented assumption applied. */
      ran: boolean;
      /** Elements the subflow ran. */
      steps: number;
      modelled?: string;
    }
  | { type: 'wait'; element: string; label: string; path: string; modelled: string }
  | { type: 'fault'; element: string; label: string; code: string; message: string; next: string | null };

export interface DecisionRuleTrace {
  name: string;
  label: string;
  logic: string;
  matched: boolean;
  conditions: {
    index: number;
    left: string;
    leftValue: FlowValue;
    operator: string;
    right: FlowValue;
    result: boolean;
  }[];
}

export interface RunResult {
  status: 'finished' | 'failed';
  /** Set when status is failed: the unhandled fault. */
  failure?: { element: string; code: string; message: string };
  steps: TraceStep[];
  stepCount: number;
  /** Elements whose fault connector caught a fault, in order. */
  caught: string[];
}
