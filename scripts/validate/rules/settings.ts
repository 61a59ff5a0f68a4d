/**
 * Settings of the End Conversation callout: the remote site is HTTPS, active, and covers the
 * endpoint's host. The endpoint comes from Handoff_Settings__mdt records in the project and from
 * handoff.config.json (endConversation.endpoint, which `handoff seed` writes into the org).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS_TYPE } from '../../contract';
import { children, textOf } from '../../xml/read';
import { PROJECT_FILES } from '../../project/paths';
import type { SourceProject } from '../../source';
import type { Location, Rule } from '../types';

interface Endpoint {
  url: string;
  at: Location;
}

function endpoints(project: SourceProject): Endpoint[] {
  const out: Endpoint[] = [];
  const settingsPrefix = SETTINGS_TYPE.objectName.replace(/__mdt$/, '') + '.';
  for (const rec of project.ofType('CustomMetadata')) {
    if (!rec.name.startsWith(settingsPrefix)) continue;
    for (const v of children(rec.xml, 'values')) {
      if (textOf(v, 'field') !== SETTINGS_TYPE.fields.endpoint) continue;
      const value = textOf(v, 'value');
      if (value) out.push({ url: value, at: { file: rec.path, line: v.line } });
    }
  }
  const config = path.join(project.root, PROJECT_FILES.config);
  if (fs.existsSync(config)) {
    try {
      const raw = JSON.parse(fs.readFileSync(config, 'utf8')) as { endConversation?: { endpoint?: unknown } };
      const url = raw.endConversation?.endpoint;
      if (typeof url === 'string' && url) out.push({ url, at: { file: PROJECT_FILES.config } });
    } catch {
      // An unreadable config is `handoff build`'s finding, not this rule's.
    }
  }
  return out;
}

interface Site {
  name: string;
  url: string;
  active: boolean;
  disableProtocolSecurity: boolean;
  at: Location;
  urlLine?: number;
}

function sites(project: SourceProject): Site[] {
  return project.ofType('RemoteSiteSetting').map((f) => ({
    name: f.name,
    url: textOf(f.xml, 'url') ?? '',
    active: textOf(f.xml, 'isActive') === 'true',
    disableProtocolSecurity: textOf(f.xml, 'disableProtocolSecurity') === 'true',
    at: { file: f.path, line: f.xml.children.find((c) => c.local === 'url')?.line ?? f.xml.line }
  }));
}

function host(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export const rules: Rule[] = [
  {
    id: 'settings/remote-site-https',
    description: 'Remote sites are active, use an https:// URL and keep protocol security on.',
    fix: 'Use an https:// URL, isActive true and disableProtocolSecurity false (tokens must never travel in clear text).',
    check({ project, report }) {
      for (const s of sites(project)) {
        if (!/^https:\/\//i.test(s.url)) report(s.at, `Remote site ${s.name} URL "${s.url}" is not HTTPS`);
        if (s.disableProtocolSecurity) report(s.at, `Remote site ${s.name} disables protocol security`);
        if (!s.active) report(s.at, `Remote site ${s.name} is not active: callouts to it fail`);
      }
    }
  },
  {
    id: 'settings/endpoint-remote-site',
    description: 'The End Conversation endpoint is HTTPS and an active remote site covers its host.',
    fix: 'Make the remote site URL the endpoint origin (https://host), or correct the endpoint.',
    check({ project, report }) {
      const all = sites(project);
      for (const e of endpoints(project)) {
        const h = host(e.url);
        if (!h || !/^https:\/\//i.test(e.url)) {
          report(e.at, `End Conversation endpoint "${e.url}" is not an https:// URL`);
          continue;
        }
        if (all.some((s) => s.active && host(s.url) === h)) continue;
        const other = all.find((s) => host(s.url) !== undefined);
        report(
          other ? other.at : e.at,
          other
            ? `No active remote site covers the End Conversation endpoint host ${h} (remote site ${other.name} is ${other.url})`
            : `No remote site covers the End Conversation endpoint host ${h}`
        );
      }
    }
  }
];
