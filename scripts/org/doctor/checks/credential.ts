/**
 * The End Conversation credential: the External Credential with its named principal and Authorization
 * header, the Named Credential on the configured endpoint, the flow/integration permission set's
 * access to the principal, and whether the principal has a token (never its value).
 */
import { authorizationFormula, CALLOUT_CREDENTIAL, PRINCIPAL_ACCESS_NAME } from '../../../contract';
import type { HandoffModel } from '../../../model/types';
import { DEPLOY_FIX, verdict } from '../check';
import type { CredentialSnapshot } from '../snapshot';
import type { CheckFamily } from './family';

const G = 'End Conversation';
type Credential = NonNullable<HandoffModel['calloutCredential']>;

function externalProblem(cred: Credential, s: CredentialSnapshot): string | undefined {
  const ext = cred.externalCredential;
  if (!s.external) return `External Credential ${ext} is not in the org`;
  if (!s.external.principals.includes(cred.principal))
    return `External Credential ${ext} has no named principal ${cred.principal}`;
  if (s.external.authorization !== authorizationFormula(ext))
    return `External Credential ${ext} does not send Authorization: Bearer from $Credential.${ext}.${CALLOUT_CREDENTIAL.tokenParameter}`;
  return undefined;
}

function namedProblem(cred: Credential, s: CredentialSnapshot): string | undefined {
  if (!s.named) return `Named Credential ${cred.namedCredential} is not in the org`;
  if (s.named.externalCredential !== cred.externalCredential)
    return `Named Credential ${cred.namedCredential} does not use External Credential ${cred.externalCredential}`;
  if (s.named.url !== cred.url)
    return `Named Credential ${cred.namedCredential} calls ${s.named.url ?? 'no URL'}, the config says ${cred.url}`;
  return undefined;
}

function accessProblem(psName: string, s: CredentialSnapshot): string | undefined {
  if (s.principalAccess === undefined) return `Permission set ${psName} is not in the org`;
  if (!s.principalAccess.includes(PRINCIPAL_ACCESS_NAME))
    return `Permission set ${psName} does not grant principal ${PRINCIPAL_ACCESS_NAME}: the callout fails for the flow's user`;
  return undefined;
}

export const credential: CheckFamily = {
  name: 'credential',
  checks(model, snapshot) {
    const cred = model.calloutCredential;
    const end = model.endConversation;
    const s = snapshot.credential;
    if (!cred || !end || !s) return [];
    const psName = model.permissionSets.flow.name;
    return [
      verdict(
        G,
        'credential.external',
        externalProblem(cred, s),
        `External Credential ${cred.externalCredential} sends the vendor's token`,
        DEPLOY_FIX
      ),
      verdict(
        G,
        'credential.named',
        namedProblem(cred, s),
        `Named Credential ${cred.namedCredential} calls ${cred.url}`,
        DEPLOY_FIX
      ),
      verdict(
        G,
        'credential.access',
        accessProblem(psName, s),
        `${psName} may call out as ${PRINCIPAL_ACCESS_NAME}`,
        DEPLOY_FIX
      ),
      verdict(
        G,
        'credential.token',
        s.tokenSet
          ? undefined
          : `Principal ${PRINCIPAL_ACCESS_NAME} has no token: every notification would be refused with 401`,
        `Principal ${PRINCIPAL_ACCESS_NAME} has a token`,
        `Run \`handoff seed -o <org>\` with ${end.tokenEnv} set.`
      )
    ];
  }
};
