/**
 * The key set verified users' JWTs are checked against (Setup > User Verification; Metadata API
 * PublicKeyCertificateSet, WSDL 66). Generated only when the config gives the vendor's JWKS URL:
 * type JWKS_URL, so Salesforce fetches the vendor's public keys itself and no key is in the repo.
 * Without a URL the key set is the admin's (keys uploaded in Setup) and `handoff doctor` checks it exists.
 */
import type { HandoffModel } from '../model/types';
import { leaf, renderXml, root } from '../xml/write';
import type { Generator } from './types';
import { GENERATED_BY } from './values';

export function keySetXml(keySet: string, jwksUrl: string, issuer: string | undefined): string {
  return renderXml(
    root('PublicKeyCertificateSet', [
      leaf('description', `Keys of the AI vendor's verified-user JWTs. ${GENERATED_BY}`),
      leaf('jwksEndPoint', jwksUrl),
      leaf('jwtIssuer', issuer),
      leaf('masterLabel', keySet),
      leaf('type', 'JWKS_URL')
    ])
  );
}

export const generate: Generator = (model: HandoffModel) => {
  const v = model.channelSettings.verification;
  if (!v?.jwksUrl) return [];
  return [
    {
      path: `PublicKeyCertificateSet/${v.keySet}.PublicKeyCertificateSet-meta.xml`,
      content: keySetXml(v.keySet, v.jwksUrl, v.issuer)
    }
  ];
};
