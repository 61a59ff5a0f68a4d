import { runCollectionProcessor } from '../../../scripts/simulate/flow/elements/collectionProcessor';
import { newRecord } from '../../../scripts/simulate/flow/org';
import type { FlowRecord } from '../../../scripts/simulate/flow/model';
import { interview, node } from './harness';

const rec = (o: Record<string, string | number | null>): FlowRecord => Object.assign(newRecord(), o);
const records = `<variables><name>queues</name><dataType>SObject</dataType><isCollection>true</isCollection><isInput>false</isInput><objectType>Group</objectType></variables>`;
const LIST = [
  rec({ Name: 'b', Size: 2 }),
  rec({ Name: null, Size: 5 }),
  rec({ Name: 'a', Size: 9 }),
  rec({ Name: 'c', Size: 1 })
];

// The shape Flow Builder writes (currentItem_<Element>, collectionProcessorType beside elementSubtype).
const filter = (logic: string) => `
<collectionProcessors><name>Big</name><label>Big</label><elementSubtype>FilterCollectionProcessor</elementSubtype>
  <assignNextValueToReference>currentItem_Big</assignNextValueToReference>
  <collectionProcessorType>FilterCollectionProcessor</collectionProcessorType>
  <collectionReference>queues</collectionReference>${logic}
  <connector><targetReference>After</targetReference></connector></collectionProcessors>
<assignments><name>After</name><label>After</label></assignments>${records}`;

const sort = (options: string, limit = '') => `
<collectionProcessors><name>Order</name><label>Order</label><elementSubtype>SortCollectionProcessor</elementSubtype>
  <collectionProcessorType>SortCollectionProcessor</collectionProcessorType>
  <collectionReference>queues</collectionReference>${limit}${options}
  <connector><targetReference>After</targetReference></connector></collectionProcessors>
<assignments><name>After</name><label>After</label></assignments>${records}`;

const option = (field: string, order: string, nullsFirst = false) =>
  `<sortOptions><doesPutEmptyStringAndNullFirst>${nullsFirst}</doesPutEmptyStringAndNullFirst><sortField>${field}</sortField><sortOrder>${order}</sortOrder></sortOptions>`;

const names = (v: unknown) => (v as FlowRecord[]).map((r) => r.Name);

describe('collection filter', () => {
  it('keeps the items whose conditions hold, as the element output; the source is untouched', () => {
    const iv = interview(
      filter(
        `<conditionLogic>or</conditionLogic>
         <conditions><leftValueReference>currentItem_Big.Size</leftValueReference><operator>GreaterThan</operator><rightValue><numberValue>4</numberValue></rightValue></conditions>
         <conditions><leftValueReference>currentItem_Big.Name</leftValueReference><operator>EqualTo</operator><rightValue><stringValue>c</stringValue></rightValue></conditions>`
      )
    );
    iv.vars.set('queues', LIST);
    expect(runCollectionProcessor(node(iv, 'Big', 'collectionProcessor'), iv)).toBe('After');
    expect(names(iv.resolve('Big'))).toEqual([null, 'a', 'c']);
    expect(iv.vars.get('queues')).toHaveLength(4);
    expect(iv.steps[0]).toMatchObject({ type: 'collection', operation: 'filter', before: 4, after: 3 });
  });

  it('evaluates a formula filter against the current item', () => {
    const iv = interview(
      filter(`<conditionLogic>formula</conditionLogic><formula>{!currentItem_Big.Size} &lt; 3</formula>`)
    );
    iv.vars.set('queues', LIST);
    runCollectionProcessor(node(iv, 'Big', 'collectionProcessor'), iv);
    expect(names(iv.resolve('Big'))).toEqual(['b', 'c']);
  });
});

describe('collection sort', () => {
  it('sorts the collection variable in place, empty values last, then keeps the first `limit` items', () => {
    const iv = interview(sort(option('Name', 'Asc'), '<limit><numberValue>3</numberValue></limit>'));
    iv.vars.set('queues', LIST);
    runCollectionProcessor(node(iv, 'Order', 'collectionProcessor'), iv);
    expect(names(iv.vars.get('queues'))).toEqual(['a', 'b', 'c']);
  });

  it('Desc with empty values first, and a second option breaking ties', () => {
    const iv = interview(sort(option('Name', 'Desc', true)));
    iv.vars.set('queues', LIST);
    runCollectionProcessor(node(iv, 'Order', 'collectionProcessor'), iv);
    expect(names(iv.vars.get('queues'))).toEqual([null, 'c', 'b', 'a']);
    const tie = interview(sort(option('Kind', 'Asc') + option('Size', 'Desc')));
    tie.vars.set('queues', [rec({ Kind: 'x', Size: 1 }), rec({ Kind: 'x', Size: 3 }), rec({ Kind: 'w', Size: 2 })]);
    runCollectionProcessor(node(tie, 'Order', 'collectionProcessor'), tie);
    expect((tie.vars.get('queues') as FlowRecord[]).map((r) => r.Size)).toEqual([2, 3, 1]);
  });

  it('another subtype stops the run naming it', () => {
    const iv = interview(sort('').replace(/SortCollectionProcessor/g, 'RecommendationMapCollectionProcessor'));
    expect(() => runCollectionProcessor(node(iv, 'Order', 'collectionProcessor'), iv)).toThrow(
      /Order is a RecommendationMapCollectionProcessor, which the simulator does not run/
    );
  });
});
