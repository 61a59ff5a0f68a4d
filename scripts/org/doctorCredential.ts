/**
 * Doctor's checks of the End Conversation credential: the External Credential with its named principal
 * and Authorization header, the Named Credential on the configured endpoint, the flow/integration
 * permission set's access to the principal, and whether the principal has a token (never its value).
 * Read in four calls; the checks are pure.
 */
import { authorizationFormula, CALLOUT_CREDENTIAL, PRINCIPAL_ACCESS_NAME } from '../contract';
import type { HandoffModel } from '../model/types';
import type { Check } from './doctorChecks';
import { asArray, asBool, asText, readMeta, type OrgCaller } from './doctorSoql';
import { readCredential } from './seedCredential';

type Meta = Record<string, unknown>;

export interface CredentialSnapshot {
  external?: { principals: string[]; authorization?: string };
  named?: { url?: string; externalCredential?: string };
  /** Principal names the integration permission set enables; undefined when the set is missing. */
  principalAccess?: string[];
  tokenSet: boolean;
}

function params(meta: Meta | undefined, key: string): Meta[] {
  return asArray(meta?.[key] as Meta[] | Meta | undefined);
}

export async function readCredentialSnapshot(org: OrgCaller, model: HandoffModel): Promise<CredentialSnapshot> {
  const cred = model.calloutCredential!;
  const ext = await readMeta(org, 'ExternalCredential', cred.externalCredential);
  const nc = await readMeta(org, 'NamedCredential', cred.namedCredential);
  const ps = await readMeta(org, 'PermissionSet', model.permissionSets.flow.name);
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

const G = 'End Conversation';
const DEPLOY_FIX = 'Run `handoff deploy -o <org>`.';

function verdict(id: string, problem: string | undefined, ok: string, fix: string): Check {
  return problem
    ? { id, group: G, status: 'fail', message: problem, fix }
    : { id, group: G, status: 'pass', message: ok, fix: '' };
}

export function credentialChecks(model: HandoffModel, s: CredentialSnapshot): Check[] {
  const cred = model.calloutCredential;
  const end = model.endConversation;
  if (!cred || !end) return [];
  const ext = cred.externalCredential;
  const extProblem = !s.external
    ? `External Credential ${ext} is not in the org`
    : !s.external.principals.includes(cred.principal)
      ? `External Credential ${ext} has no named principal ${cred.principal}`
      : s.external.authorization !== authorizationFormula(ext)
        ? `External Credential ${ext} does not send Authorization: Bearer from $Credential.${ext}.${CALLOUT_CREDENTIAL.tokenParameter}`
        : undefined;
  const ncProblem = !s.named
    ? `Named Credential ${cred.namedCredential} is not in the org`
    : s.named.externalCredential !== ext
      ? `Named Credential ${cred.namedCredential} does not use External Credential ${ext}`
      : s.named.url !== cred.url
        ? `Named Credential ${cred.namedCredential} calls ${s.named.url ?? 'no URL'}, the config says ${cred.url}`
        : undefined;
  const psName = model.permissionSets.flow.name;
  const accessProblem =
    s.principalAccess === undefined
      ? `Permission set ${psName} is not in the org`
      : !s.principalAccess.includes(PRINCIPAL_ACCESS_NAME)
        ? `Permission set ${psName} does not grant principal ${PRINCIPAL_ACCESS_NAME}: the callout fails for the flow's user`
        : undefined;
  return [
    verdict('credential.external', extProblem, `External Credential ${ext} sends the vendor's token`, DEPLOY_FIX),
    verdict('credential.named', ncProblem, `Named Credential ${cred.namedCredential} calls ${cred.url}`, DEPLOY_FIX),
    verdict('credential.access', accessProblem, `${psName} may call out as ${PRINCIPAL_ACCESS_NAME}`, DEPLOY_FIX),
    verdict(
      'credential.token',
      s.tokenSet
        ? undefined
        : `Principal ${PRINCIPAL_ACCESS_NAME} has no token: every notification would be refused with 401`,
      `Principal ${PRINCIPAL_ACCESS_NAME} has a token`,
      `Run \`handoff seed -o <org>\` with ${end.tokenEnv} set.`
    )
  ];
}
