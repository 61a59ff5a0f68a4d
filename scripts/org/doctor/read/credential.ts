/**
 * The End Conversation credential, in three calls: the External Credential and the Named Credential
 * (Metadata API reads), and whether the principal has a token (never its value); the flow permission
 * set comes from doctor's one read of both permission sets (read/index.ts).
 */
import type { HandoffModel } from '../../../model/types';
import { asArray, asBool, asText, readMeta, type OrgCaller } from '../../doctorSoql';
import { readCredential } from '../../seedCredential';
import type { CredentialSnapshot } from '../snapshot';

type Meta = Record<string, unknown>;

function params(meta: Meta | undefined, key: string): Meta[] {
  return asArray(meta?.[key] as Meta[] | Meta | undefined);
}

/**
 * Undefined when the config has no callout credential (nothing is read). `ps`: the flow permission
 * set from doctor's one read of both permission sets.
 */
export async function readCredentialSnapshot(
  org: OrgCaller,
  model: HandoffModel,
  ps: Meta | undefined
): Promise<CredentialSnapshot | undefined> {
  const cred = model.calloutCredential;
  if (!cred) return undefined;
  const ext = await readMeta(org, 'ExternalCredential', cred.externalCredential);
  const nc = await readMeta(org, 'NamedCredential', cred.namedCredential);
  const token = await readCredential(org);
  const extParams = params(ext, 'externalCredentialParameters');
  const ncParams = params(nc, 'namedCredentialParameters');
  return {
    external: ext && {
      principals: extParams
        .filter((p) => asText(p.parameterType) === 'NamedPrincipal')
        .map((p) => asText(p.parameterName) ?? ''),
      authorization: asText(
        extParams.find((p) => asText(p.parameterType) === 'AuthHeader' && asText(p.parameterName) === 'Authorization')
          ?.parameterValue
      )
    },
    named: nc && {
      url: asText(ncParams.find((p) => asText(p.parameterType) === 'Url')?.parameterValue),
      externalCredential: asText(ncParams.find((p) => asText(p.parameterType) === 'Authentication')?.externalCredential)
    },
    principalAccess: ps
      ? params(ps, 'externalCredentialPrincipalAccesses')
          .filter((a) => asBool(a.enabled))
          .map((a) => asText(a.externalCredentialPrincipal) ?? '')
      : undefined,
    tokenSet: token.tokenSet
  };
}
