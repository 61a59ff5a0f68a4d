/**
 * The End Conversation callout's credential, instead of a token in custom metadata and a remote site:
 * - an External Credential (Custom protocol) with one named principal and a custom `Authorization`
 *   header `Bearer {!$Credential.<ext>.Token}`, filled by the platform at callout time; the token itself
 *   is an encrypted principal parameter that `handoff seed` sets through the Connect REST API, so it is
 *   never in source, in a record Apex can query, or in Setup in clear text;
 * - a Named Credential (SecuredEndpoint) holding the endpoint URL and pointing at that External
 *   Credential. Callouts to `callout:<name>` need no remote site setting.
 * Element order follows metadata-v66.wsdl (ExternalCredential: authenticationProtocol, description,
 * externalCredentialParameters, label; NamedCredential: allowMerge…, calloutStatus, description,
 * generateAuthorizationHeader, label, namedCredentialParameters, namedCredentialType). The shape matches
 * public retrieved source (an AuthHeader parameter with a `$Credential` formula next to a NamedPrincipal;
 * a Named Credential with Url + Authentication parameters) and the Metadata API reference for
 * NamedCredential (developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namedcredential.htm).
 */
import { authorizationFormula } from '../contract';
import { el, leaf, renderXml, root } from '../xml/write';
import type { Generator } from './types';
import { GENERATED_BY } from './values';

export const generate: Generator = (model) => {
  const cred = model.calloutCredential;
  if (!cred) return [];
  const external = renderXml(
    root('ExternalCredential', [
      leaf('authenticationProtocol', 'Custom'),
      leaf(
        'description',
        `The AI vendor's End Conversation token. Set it with handoff seed (never in source). ${GENERATED_BY}`
      ),
      el(
        'externalCredentialParameters',
        leaf('parameterName', cred.principal),
        leaf('parameterType', 'NamedPrincipal'),
        leaf('sequenceNumber', 1)
      ),
      el(
        'externalCredentialParameters',
        leaf('parameterName', 'Authorization'),
        leaf('parameterType', 'AuthHeader'),
        leaf('parameterValue', authorizationFormula(cred.externalCredential)),
        leaf('sequenceNumber', 1)
      ),
      leaf('label', 'Handoff End Conversation')
    ])
  );
  const named = renderXml(
    root('NamedCredential', [
      leaf('allowMergeFieldsInBody', false),
      leaf('allowMergeFieldsInHeader', false),
      leaf('calloutStatus', 'Enabled'),
      leaf('description', `The AI vendor's End Conversation endpoint. ${GENERATED_BY}`),
      leaf('generateAuthorizationHeader', false),
      leaf('label', 'Handoff End Conversation'),
      el(
        'namedCredentialParameters',
        leaf('parameterName', 'Url'),
        leaf('parameterType', 'Url'),
        leaf('parameterValue', cred.url)
      ),
      el(
        'namedCredentialParameters',
        leaf('externalCredential', cred.externalCredential),
        leaf('parameterName', 'ExternalCredential'),
        leaf('parameterType', 'Authentication')
      ),
      leaf('namedCredentialType', 'SecuredEndpoint')
    ])
  );
  return [
    { path: `externalCredentials/${cred.externalCredential}.externalCredential-meta.xml`, content: external },
    { path: `namedCredentials/${cred.namedCredential}.namedCredential-meta.xml`, content: named }
  ];
};
