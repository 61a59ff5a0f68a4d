/**
 * The Handoff_Attribute__mdt custom metadata type and one record per attribute, so the org itself
 * knows the mapping (vendor key → parameter → field, label, group, order): the context LWC groups
 * and labels fields from these records, and `handoff doctor` compares them with the channel.
 * Type and field files follow what `sf project retrieve` writes (fields keep fullName, the object
 * file does not); records list values sorted by field name, as retrieves do.
 */
import { ATTRIBUTE_TYPE } from '../contract';
import type { ProjectModel, ResolvedAttribute } from '../model/types';
import { el, leaf, renderXml, root, type XmlElement } from '../xml/write';
import type { GeneratedFile, ProjectGenerator } from './types';
import { byCodeUnit, fitText, formatDouble, GENERATED_BY } from './values';

const TYPE = ATTRIBUTE_TYPE.objectName;
/** The record file prefix: the type's API name without `__mdt`. */
const RECORD_PREFIX = TYPE.replace(/__mdt$/, '');
/** Custom metadata record labels are limited to 40 characters. */
export const MAX_RECORD_LABEL = 40;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XSD = 'http://www.w3.org/2001/XMLSchema';

interface FieldSpec {
  apiName: string;
  label: string;
  description: string;
  type: 'Text' | 'Number';
  length?: number;
  precision?: number;
  /** The record value for an attribute; undefined leaves the field out of the record (null in the org). */
  value: (a: ResolvedAttribute, model: ProjectModel) => string | number | undefined;
}

const F = ATTRIBUTE_TYPE.fields;

/** The type's fields: lengths fit every value the naming contract can produce. */
export const ATTRIBUTE_FIELDS: FieldSpec[] = [
  {
    apiName: F.key,
    label: 'Vendor Key',
    description: 'The routingAttributes key the AI vendor sends, verbatim.',
    type: 'Text',
    length: 255,
    value: (a) => a.key
  },
  {
    apiName: F.parameter,
    label: 'Parameter',
    description: 'The messaging channel parameter name (also the flow input variable).',
    type: 'Text',
    length: 40,
    value: (a) => a.name
  },
  {
    apiName: F.field,
    label: 'Field',
    description: 'The Messaging Session field API name that holds the value.',
    type: 'Text',
    length: 80,
    value: (a) => a.field.apiName
  },
  {
    apiName: F.label,
    label: 'Label',
    description: 'The label agents see.',
    type: 'Text',
    length: 255,
    value: (a) => a.label
  },
  {
    apiName: F.group,
    label: 'Group',
    description: 'Customer, Conversation, Location or Other: where agents see it.',
    type: 'Text',
    length: 40,
    value: (a) => a.group
  },
  {
    apiName: F.order,
    label: 'Order',
    description: 'Position in handoff.config.json (1-based).',
    type: 'Number',
    precision: 18,
    value: (a) => a.order
  },
  {
    apiName: F.frameOrigins,
    label: 'Frame Origins',
    description:
      'Space-separated https origins the context component may frame this value from (Cognigy Agent Copilot); empty for every other attribute.',
    type: 'Text',
    length: 255,
    value: (a, model) => (model.copilot?.attribute.key === a.key ? model.copilot.allowedOrigins.join(' ') : undefined)
  }
];

function typeXml(): string {
  return renderXml(
    root('CustomObject', [
      leaf(
        'description',
        `One record per hand-off attribute: how a vendor key reaches a Messaging Session field. ${GENERATED_BY}`
      ),
      leaf('label', 'Handoff Attribute'),
      leaf('pluralLabel', 'Handoff Attributes'),
      leaf('visibility', 'Public')
    ])
  );
}

function fieldXml(f: FieldSpec): string {
  return renderXml(
    root('CustomField', [
      leaf('fullName', f.apiName),
      leaf('description', f.description),
      leaf('externalId', false),
      leaf('fieldManageability', 'DeveloperControlled'),
      leaf('label', f.label),
      leaf('length', f.length),
      leaf('precision', f.precision),
      leaf('required', false),
      f.type === 'Number' && leaf('scale', 0),
      leaf('type', f.type),
      leaf('unique', false)
    ])
  );
}

/** A record value. Text is cut to the field length, except the vendor key: a cut key would map the wrong key silently. */
function value(f: FieldSpec, a: ResolvedAttribute, model: ProjectModel): XmlElement | undefined {
  const v = f.value(a, model);
  if (v === undefined) return undefined;
  const typed: XmlElement =
    f.type === 'Number'
      ? {
          name: 'value',
          attrs: { 'xsi:type': 'xsd:double' },
          children: [],
          text: formatDouble(Number(v))
        }
      : {
          name: 'value',
          attrs: { 'xsi:type': 'xsd:string' },
          children: [],
          text: f.apiName === F.key ? String(v) : fitText(String(v), f.length ?? 255)
        };
  return el('values', leaf('field', f.apiName), typed);
}

/** The record's developer name: the attribute's API name (unique and at most 40 characters). */
export function recordName(a: ResolvedAttribute): string {
  return a.name;
}

function recordXml(a: ResolvedAttribute, model: ProjectModel): string {
  const fields = [...ATTRIBUTE_FIELDS].sort((x, y) => byCodeUnit(x.apiName, y.apiName));
  return renderXml(
    root(
      'CustomMetadata',
      [
        leaf('label', fitText(a.label, MAX_RECORD_LABEL)),
        leaf('protected', false),
        fields.map((f) => value(f, a, model))
      ],
      { 'xmlns:xsi': XSI, 'xmlns:xsd': XSD }
    )
  );
}

export const generate: ProjectGenerator = (model) => [
  { path: `objects/${TYPE}/${TYPE}.object-meta.xml`, content: typeXml() },
  ...ATTRIBUTE_FIELDS.map((f): GeneratedFile => ({
    path: `objects/${TYPE}/fields/${f.apiName}.field-meta.xml`,
    content: fieldXml(f)
  })),
  ...model.attributes.map((a): GeneratedFile => ({
    path: `customMetadata/${RECORD_PREFIX}.${recordName(a)}.md-meta.xml`,
    content: recordXml(a, model)
  }))
];
