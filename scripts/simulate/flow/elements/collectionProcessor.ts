/**
 * Collection Filter and Collection Sort (collectionProcessors). Filter binds each item to its
 * `assignNextValueToReference` (Flow Builder writes `currentItem_<Element>`), keeps the items whose
 * conditions (or formula) hold, and stores the new collection as the element's output
 * (`{!Filter_X}`); the source collection is untouched. Sort reorders the collection variable itself,
 * by each sort option in turn, empty values last unless `doesPutEmptyStringAndNullFirst`, then keeps
 * the first `limit` items. Other subtypes (the recommendation mapper) stop the run by name.
 */
import { evaluateFormula, FormulaError, parseFormula } from '../formula';
import { fieldOf } from '../references';
import { newRecord } from '../org';
import type { Interview } from '../interview';
import { evalLogic } from '../logic';
import type { CollectionProcessorNode, FlowRecord, FlowValue, ValueSpec } from '../model';
import type { ElementHandler } from './types';

function itemsOf(node: CollectionProcessorNode, iv: Interview): FlowValue[] {
  const value = iv.resolve(node.collection);
  if (value !== null && !Array.isArray(value))
    iv.fail(`${node.name} works on ${node.collection}, which is not a collection`);
  return Array.isArray(value) ? value : [];
}

/** Resolves a reference, reading the current item where the reference starts with its name. */
function resolverFor(node: CollectionProcessorNode, iv: Interview, item: FlowValue): (ref: string) => FlowValue {
  const head = node.itemReference?.toLowerCase();
  return (ref) => {
    const parts = ref.split('.');
    if (!head || parts[0].toLowerCase() !== head) return iv.resolve(ref);
    let v: FlowValue = item;
    for (const f of parts.slice(1)) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? fieldOf(v, f) : null;
    return v;
  };
}

const valueWith = (spec: ValueSpec, iv: Interview, resolve: (ref: string) => FlowValue): FlowValue =>
  spec.kind === 'ref' ? resolve(spec.ref) : iv.evaluate(spec);

function keeps(node: CollectionProcessorNode, iv: Interview, item: FlowValue): boolean {
  const resolve = resolverFor(node, iv, item);
  if (node.formula !== undefined) {
    try {
      return evaluateFormula(parseFormula(node.formula), resolve) === true;
    } catch (e) {
      if (e instanceof FormulaError) return iv.fail(`${node.name}: the filter formula: ${e.message}`);
      throw e;
    }
  }
  return evalLogic(node.logic!, (i) => {
    const c = node.conditions[i];
    iv.line = c.line;
    return iv.compare(c.operator, resolve(c.left), valueWith(c.right, iv, resolve), false);
  });
}

const empty = (v: FlowValue): boolean => v === null || v === undefined || v === '';

function sorted(node: CollectionProcessorNode, items: FlowValue[]): FlowValue[] {
  const keyOf = (item: FlowValue, field: string | undefined): FlowValue =>
    field && item !== null && typeof item === 'object' && !Array.isArray(item) ? fieldOf(item, field) : item;
  return items.slice().sort((a, b) => {
    for (const o of node.sortOptions) {
      const x = keyOf(a, o.field);
      const y = keyOf(b, o.field);
      if (empty(x) || empty(y)) {
        if (empty(x) && empty(y)) continue;
        // Empty values go last, in either order, unless the option puts them first.
        return (empty(x) ? 1 : -1) * (o.nullsFirst ? -1 : 1);
      }
      if (x === y) continue;
      const less = typeof x === 'number' && typeof y === 'number' ? x < y : String(x) < String(y);
      return (less ? -1 : 1) * (o.order === 'Desc' ? -1 : 1);
    }
    return 0;
  });
}

export const runCollectionProcessor: ElementHandler<CollectionProcessorNode> = (node, iv) => {
  const items = itemsOf(node, iv);
  let result: FlowValue[];
  let operation: 'filter' | 'sort';
  if (node.subtype === 'FilterCollectionProcessor') {
    operation = 'filter';
    result = items.filter((item) => keeps(node, iv, item));
    iv.elementOutputs.set(
      node.name,
      result.map((r) =>
        r !== null && typeof r === 'object' && !Array.isArray(r) ? Object.assign(newRecord(), r as FlowRecord) : r
      )
    );
  } else if (node.subtype === 'SortCollectionProcessor') {
    operation = 'sort';
    result = sorted(node, items);
    if (node.limit) {
      const lim = Number(iv.evaluate(node.limit));
      if (Number.isFinite(lim) && lim >= 0) result = result.slice(0, lim);
    }
    // The Sort element reorders the collection it names: a variable, or an element's stored output.
    const head = iv.canonical(node.collection.split('.')[0]);
    if (head && iv.flow.variables.has(head)) iv.assign(node.collection, result);
    else if (head && !node.collection.includes('.')) iv.elementOutputs.set(head, result);
    else iv.fail(`${node.name} sorts ${node.collection}, which is neither a variable nor an element's output`);
  } else {
    return iv.fail(
      `${node.name} is a ${node.subtype || 'collection processor without a subtype'}, which the simulator does not run`
    );
  }
  iv.line = node.line;
  iv.trace({
    type: 'collection',
    element: node.name,
    label: node.label,
    operation,
    collection: node.collection,
    before: items.length,
    after: result.length
  });
  return node.next;
};
