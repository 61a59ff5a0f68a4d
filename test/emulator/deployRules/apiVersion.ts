/**
 * API versions the org does not have yet: a component's `<apiVersion>`, the package.xml `<version>`
 * (and, in metadata.ts, the version in the SOAP URL) above `settings.maxApiVersion` fail.
 */
import { child } from '../../../scripts/xml/read';
import type { ComponentRule, ManifestRule } from './types';

export const apiVersionRules: ComponentRule[] = [
  {
    id: 'api/component-version',
    evidence:
      'Public deploy tips (sfdx-hardis deployTipsList, "API Version error"): The <type> apiVersion can\'t be "<n>" when a sandbox on the next release wrote it',
    check(c, org) {
      const node = c.root && child(c.root, 'apiVersion');
      const version = node ? Number(node.text.trim()) : NaN;
      return version > org.settings.maxApiVersion
        ? [
            {
              message: `The ${c.type} apiVersion can't be "${Math.trunc(version)}"`,
              line: node!.line,
              column: node!.column
            }
          ]
        : [];
    }
  }
];

export const manifestRules: ManifestRule[] = [
  {
    id: 'api/package-version',
    evidence: 'Public deploy log: "Invalid version specified:45.0" against an org on 44.0 (forcedotcom/cli#27)',
    check(manifest, org) {
      const v = manifest.version;
      return v !== undefined && Number(v) > org.settings.maxApiVersion ? `Invalid version specified:${v}` : undefined;
    }
  }
];

/** Whether the SOAP URL's version is one the org serves. */
export function supportsApiVersion(version: string, maxApiVersion: number): boolean {
  return Number(version) <= maxApiVersion;
}
