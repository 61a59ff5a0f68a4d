/**
 * Settings of the End Conversation callout: the endpoint is HTTPS, wherever it is written (the Named
 * Credential's Url parameter, handoff.config.json's endConversation.endpoint). Callouts through a Named
 * Credential need no remote site; any remote site the project still has must be HTTPS and active.
 */
import { children, textOf } from '../../xml/read';
import { PROJECT_FILES } from '../../project/paths';
import type { ConfigAndManifest } from '../../project/buildManifest';
import { rawConfig, type SourceProject } from '../../source';
import type { Location, Rule } from '../types';

interface Endpoint {
  url: string;
  at: Location;
}

function endpoints(project: SourceProject, configFiles: ConfigAndManifest): Endpoint[] {
  const out: Endpoint[] = [];
  for (const nc of project.ofType('NamedCredential')) {
    for (const p of children(nc.xml, 'namedCredentialParameters')) {
      if (textOf(p, 'parameterType') !== 'Url') continue;
      const value = textOf(p, 'parameterValue');
      if (value) out.push({ url: value, at: { file: nc.path, line: p.line } });
    }
  }
  const url = (rawConfig(configFiles)?.endConversation as { endpoint?: unknown } | undefined)?.endpoint;
  if (typeof url === 'string' && url) out.push({ url, at: { file: PROJECT_FILES.config } });
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
    id: 'settings/endpoint-https',
    description: 'The End Conversation endpoint (config and Named Credential) is an https:// URL.',
    fix: 'Use the https:// URL the vendor gave you in endConversation.endpoint, then run `handoff build`.',
    check({ project, configFiles, report }) {
      for (const e of endpoints(project, configFiles)) {
        if (!host(e.url) || !/^https:\/\//i.test(e.url))
          report(e.at, `End Conversation endpoint "${e.url}" is not an https:// URL`);
      }
    }
  }
];
