/**
 * retrieve and checkRetrieveStatus: a zip of the components asked for, in metadata format (fields
 * merged into their object file), with a package.xml and a message for each one the org lacks.
 */
import JSZip from 'jszip';
import { child, children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { soapFault, soapResponse, xmlEscape } from '../router';
import type { OrgState } from '../state';
import { rootInner, wrap } from './componentXml';
import { shownXml } from './crud';
import { asyncResultXml } from './results';
import type { MetadataSettings } from './settings';
import { zipPlaceOf } from './types';

interface RetrieveJob {
  members: Array<{ type: string; fullName: string }>;
}
const retrieveJobs = new WeakMap<OrgState, Map<string, RetrieveJob>>();

export function startRetrieve(state: OrgState, body: XmlNode) {
  const request = child(body, 'request');
  const unpackaged = request && child(request, 'unpackaged');
  const members: RetrieveJob['members'] = [];
  for (const t of unpackaged ? children(unpackaged, 'types') : []) {
    const type = textOf(t, 'name') ?? '';
    for (const m of children(t, 'members')) {
      const name = m.text.trim();
      if (name === '*') members.push(...state.components(type).map((c) => ({ type, fullName: c.fullName })));
      else members.push({ type, fullName: name });
    }
  }
  const id = state.newId('DeployRequest').replace(/^0Af/, '09S');
  const jobs = retrieveJobs.get(state) ?? new Map<string, RetrieveJob>();
  retrieveJobs.set(state, jobs);
  jobs.set(id, { members });
  return soapResponse('retrieve', asyncResultXml(id, 'Queued'));
}

export async function checkRetrieveStatus(state: OrgState, settings: MetadataSettings, body: XmlNode) {
  const id = textOf(body, 'asyncProcessId') ?? '';
  const job = retrieveJobs.get(state)?.get(id);
  if (!job) return soapFault('INVALID_ID_FIELD', `No retrieve request with Id ${id}`);
  const zip = new JSZip();
  const files: string[] = [];
  const messages: string[] = [];
  const manifest = new Map<string, string[]>();
  const objectFields = new Map<string, string[]>();
  for (const { type, fullName } of job.members) {
    const c = state.component(type, fullName);
    if (!c) {
      messages.push(
        `<messages><fileName>package.xml</fileName><problem>Entity of type '${xmlEscape(type)}' named '${xmlEscape(fullName)}' cannot be found</problem></messages>`
      );
      continue;
    }
    manifest.set(type, [...(manifest.get(type) ?? []), fullName]);
    if (type === 'CustomField') {
      const [obj] = fullName.split('.');
      objectFields.set(obj, [...(objectFields.get(obj) ?? []), `<fields>${rootInner(c.xml)}</fields>`]);
      continue;
    }
    const where = zipPlaceOf(type);
    if (!where) continue;
    const path = `${where.dir}/${fullName}.${where.suffix}${where.hasContent ? '-meta.xml' : ''}`;
    zip.file(path, shownXml(c, settings));
    files.push(
      `<fileProperties><fileName>${xmlEscape(path)}</fileName><fullName>${xmlEscape(fullName)}</fullName><type>${xmlEscape(type)}</type></fileProperties>`
    );
    for (const [p, content] of Object.entries(c.files ?? {})) zip.file(p, content);
  }
  for (const [obj, fields] of objectFields) {
    const path = `objects/${obj}.object`;
    zip.file(path, wrap('CustomObject', fields.join('')));
    files.push(
      `<fileProperties><fileName>${xmlEscape(path)}</fileName><fullName>${xmlEscape(obj)}</fullName><type>CustomObject</type></fileProperties>`
    );
  }
  const types = [...manifest]
    .map(
      ([type, names]) =>
        `<types>${names.map((n) => `<members>${xmlEscape(n)}</members>`).join('')}<name>${xmlEscape(type)}</name></types>`
    )
    .join('');
  zip.file(
    'package.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">${types}<version>66.0</version></Package>\n`
  );
  const zipFile = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
  return soapResponse(
    'checkRetrieveStatus',
    `<result><done>true</done>${files.join('')}<id>${id}</id>${messages.join('')}<status>Succeeded</status><success>true</success><zipFile>${zipFile}</zipFile></result>`
  );
}
