/**
 * readMetadata, and upsertMetadata/createMetadata/updateMetadata: the CRUD calls on the components
 * the org holds. A read shows a channel with empty mappings when settings.emptyMappingsOnRead asks.
 */
import { children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { ecaProblems } from '../externalClientApps';
import { soapResponse, xmlEscape } from '../router';
import type { MetadataComponent, OrgState } from '../state';
import { nodeToXml, rootInner, stripFullName, wrap } from './componentXml';
import type { MetadataSettings } from './settings';

export function readMetadata(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const type = textOf(body, 'type') ?? '';
  const names = children(body, 'fullNames').map((n) => n.text.trim());
  const records = names
    .map((name) => {
      const c = state.component(type, name);
      if (!c) return '<records xsi:nil="true"/>';
      return `<records xsi:type="${xmlEscape(type)}"><fullName>${xmlEscape(name)}</fullName>${stripFullName(rootInner(shownXml(c, settings)))}</records>`;
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
