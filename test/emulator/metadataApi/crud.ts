/**
 * readMetadata, and upsertMetadata/createMetadata/updateMetadata: the CRUD calls on the components
 * the org holds. A read shows a channel with empty mappings when settings.emptyMappingsOnRead asks,
 * nests an object's fields, and takes at most 10 full names (200 for CustomMetadata).
 */
import { children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { ecaProblems } from '../externalClientApps';
import { soapFault, soapResponse, xmlEscape } from '../router';
import type { MetadataComponent, OrgState } from '../state';
import { nodeToXml, rootInner, stripFullName, wrap } from './componentXml';
import type { MetadataSettings } from './settings';
import { childTypesOf } from './types';

/** Full names one readMetadata call takes: "Limit: 10. (For CustomMetadata and CustomApplication only, the limit is 200.)", Metadata API Developer Guide, readMetadata(). */
function readLimit(type: string): number {
  return type === 'CustomMetadata' || type === 'CustomApplication' ? 200 : 10;
}

/**
 * A CustomObject read carries its child components (`<fields>`, …) nested, as the WSDL's CustomObject
 * does; a standard object (MessagingSession) has no component of its own here, only its deployed
 * children, and is read all the same (CustomObject "also works with customizations of standard objects").
 */
function nestedChildren(state: OrgState, type: string, name: string): string {
  if (type !== 'CustomObject') return '';
  return childTypesOf(type)
    .map(({ type: t, element }) =>
      state
        .components(t)
        .filter((c) => c.fullName.startsWith(`${name}.`))
        .map((c) => `<${element}>${rootInner(c.xml)}</${element}>`)
        .join('')
    )
    .join('');
}

export function readMetadata(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const type = textOf(body, 'type') ?? '';
  const names = children(body, 'fullNames').map((n) => n.text.trim());
  // Evidence: the fault a client logged for an 11-name read (certinia/apex-mdapi#105).
  if (names.length > readLimit(type))
    return soapFault(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${readLimit(type)} records in this operation`
    );
  const records = names
    .map((name) => {
      const c = state.component(type, name);
      const nested = nestedChildren(state, type, name);
      if (!c && !nested) return '<records xsi:nil="true"/>';
      const own = c ? stripFullName(rootInner(shownXml(c, settings))) : '';
      return `<records xsi:type="${xmlEscape(type)}"><fullName>${xmlEscape(name)}</fullName>${own}${nested}</records>`;
    })
    .join('');
  return soapResponse('readMetadata', `<result>${records}</result>`);
}

export function saveMetadata(state: OrgState, body: XmlNode) {
  const op = body.local;
  const results = children(body, 'metadata')
    .map((m) => {
      const type =
        Object.entries(m.attrs)
          .find(([k]) => k === 'xsi:type' || k.endsWith(':type'))?.[1]
          ?.replace(/^\w+:/, '') ?? '';
      const fullName = textOf(m, 'fullName') ?? '';
      if (!type || !fullName) {
        return `<result><errors><message>Every metadata needs xsi:type and fullName</message><statusCode>INVALID_TYPE</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      }
      const exists = !!state.component(type, fullName);
      if (op === 'createMetadata' && exists) {
        return `<result><errors><message>There is already a ${xmlEscape(type)} named ${xmlEscape(fullName)}</message><statusCode>DUPLICATE_DEVELOPER_NAME</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      }
      const refused = ecaProblems(state, type, m, (t, n) => !!state.component(t, n))[0];
      if (refused)
        return `<result><errors><message>${xmlEscape(refused)}</message><statusCode>FIELD_INTEGRITY_EXCEPTION</statusCode></errors><fullName>${xmlEscape(fullName)}</fullName><success>false</success></result>`;
      state.putComponent({ type, fullName, xml: wrap(type, nodeToXml(m.children)) });
      return `<result><created>${!exists}</created><fullName>${xmlEscape(fullName)}</fullName><success>true</success></result>`;
    })
    .join('');
  return soapResponse(op, results);
}

/** The component's XML as the org shows it, with the empty-mapping trap applied when asked. */
export function shownXml(c: MetadataComponent, settings: MetadataSettings): string {
  if (c.type !== 'MessagingChannel' || !settings.emptyMappingsOnRead) return c.xml;
  return c.xml.replace(/<customParameters>[\s\S]*?<\/customParameters>/g, (p) =>
    p.replace(/<actionParameterMappings>[\s\S]*?<\/actionParameterMappings>\s*/g, '')
  );
}
