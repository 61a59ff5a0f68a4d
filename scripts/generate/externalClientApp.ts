/**
 * The vendor's External Client App: the header, the global and local OAuth settings and the OAuth
 * policies (client credentials flow, admin-approved users, the integration permission set). Types
 * and element order from metadata-v66.wsdl; file names and folders as the SDR registry and public
 * retrieves have them (chrzasz/sf-th-eca-via-metadata: `externalClientApps/`,
 * `extlClntAppGlobalOauthSets/`, `extlClntAppOauthSettings/`; `_oauthPlcy` policies in public
 * projects). Never written: consumerKey, consumerSecret (the org generates them; the admin copies
 * them to the vendor), oauthLink (an org Id pair a retrieve adds), and clientCredentialsFlowUser (the
 * Run-As user is org-specific: `handoff seed --integration-user` sets it in the org).
 */
import { externalClientAppNames } from '../model/integration';
import type { ProjectModel, ResolvedIntegration } from '../model/types';
import { leaf, renderXml, root } from '../xml/write';
import { GENERATE_GLOBAL_OAUTH_SETTINGS, POLICY_NAMES_PERMISSION_SET } from './assumptions';
import type { GeneratedFile, ProjectGenerator } from './types';
import { fitText, GENERATED_BY } from './values';

const MAX_LABEL = 80;

function header(i: ResolvedIntegration): string {
  return renderXml(
    root('ExternalClientApplication', [
      leaf('contactEmail', i.contactEmail),
      leaf('description', fitText(`${i.description} ${GENERATED_BY}`, 255)),
      leaf('distributionState', 'Local'),
      leaf('isProtected', false),
      leaf('label', fitText(i.label, MAX_LABEL))
    ])
  );
}

function globalOauth(i: ResolvedIntegration): string {
  return renderXml(
    root('ExtlClntAppGlobalOauthSettings', [
      leaf('callbackUrl', i.callbackUrl),
      leaf('externalClientApplication', i.appName),
      leaf('isClientCredentialsFlowEnabled', true),
      leaf('isConsumerSecretOptional', false),
      leaf('label', fitText(`${i.label} Global OAuth`, MAX_LABEL))
    ])
  );
}

function oauth(i: ResolvedIntegration): string {
  return renderXml(
    root('ExtlClntAppOauthSettings', [
      leaf('commaSeparatedOauthScopes', i.scopes.join(', ')),
      leaf('externalClientApplication', i.appName),
      leaf('label', fitText(`${i.label} OAuth`, MAX_LABEL))
    ])
  );
}

function policies(model: ProjectModel, i: ResolvedIntegration): string {
  return renderXml(
    root('ExtlClntAppOauthConfigurablePolicies', [
      POLICY_NAMES_PERMISSION_SET && leaf('commaSeparatedPermissionSet', model.permissionSets.integration.name),
      leaf('externalClientApplication', i.appName),
      leaf('isClientCredentialsFlowEnabled', true),
      leaf('label', fitText(`${i.label} OAuth Policies`, MAX_LABEL)),
      leaf('permittedUsersPolicyType', 'AdminApprovedPreAuthorized')
    ])
  );
}

export const generate: ProjectGenerator = (model) => {
  const i = model.integration;
  if (!i) return [];
  const n = externalClientAppNames(i.appName);
  const files: GeneratedFile[] = [
    { path: `externalClientApps/${n.app}.eca-meta.xml`, content: header(i) },
    { path: `extlClntAppOauthSettings/${n.oauth}.ecaOauth-meta.xml`, content: oauth(i) },
    { path: `extlClntAppOauthPolicies/${n.policies}.ecaOauthPlcy-meta.xml`, content: policies(model, i) }
  ];
  if (GENERATE_GLOBAL_OAUTH_SETTINGS)
    files.push({ path: `extlClntAppGlobalOauthSets/${n.globalOauth}.ecaGlblOauth-meta.xml`, content: globalOauth(i) });
  return files;
};
