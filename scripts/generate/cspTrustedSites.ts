/**
 * One CSP Trusted Site per `copilot.allowedOrigins` entry, for frames only: Lightning Experience
 * frames no origin that is not a trusted site with frame-src (Salesforce Help, "Manage CSP Trusted
 * Sites": "frame-src (iframe content)"), so without it the Copilot iframe stays blank. Elements in
 * the WSDL's CspTrustedSite order; every other directive off.
 */
import { leaf, renderXml, root } from '../xml/write';
import type { GeneratedFile, Generator } from './types';
import { GENERATED_BY } from './values';

/** The site's API name: `Handoff_Copilot_<n>` in allow-list order (the origin itself holds `*` and `.`). */
export function cspSiteName(index: number): string {
  return `Handoff_Copilot_${index + 1}`;
}

export const generate: Generator = (model) =>
  (model.copilot?.allowedOrigins ?? []).map((origin, i): GeneratedFile => ({
    path: `cspTrustedSites/${cspSiteName(i)}.cspTrustedSite-meta.xml`,
    content: renderXml(
      root('CspTrustedSite', [
        leaf('canAccessCamera', false),
        leaf('canAccessMicrophone', false),
        leaf('context', 'LEX'),
        leaf(
          'description',
          `Cognigy Agent Copilot workspace, framed in the hand-off context component. ${GENERATED_BY}`
        ),
        leaf('endpointUrl', origin),
        leaf('isActive', true),
        leaf('isApplicableToConnectSrc', false),
        leaf('isApplicableToFontSrc', false),
        leaf('isApplicableToFrameSrc', true),
        leaf('isApplicableToImgSrc', false),
        leaf('isApplicableToMediaSrc', false),
        leaf('isApplicableToStyleSrc', false)
      ])
    )
  }));
