/**
 * Whether `handoff smoke --verified`'s conversation was taken as the verified customer: the token came
 * from the authenticated endpoint, and the session's messaging user is the one the JWT's `sub` names.
 * That the platform keys a verified messaging user on `sub` (MessagingEndUser.MessagingPlatformKey)
 * is unverified against a real org (docs/channel.md): this module is the one place that reads it.
 */
import { queryAll, soqlString, type OrgCaller } from './doctorSoql';

export interface SmokeVerification {
  subject: string;
  accepted: boolean;
  /** MessagingPlatformKey of the session's messaging user. */
  endUserKey?: string;
  problem?: string;
}

export async function readVerification(org: OrgCaller, sessionId: string, subject: string): Promise<SmokeVerification> {
  const [row] = await queryAll<{ MessagingEndUser?: { MessagingPlatformKey?: string | null } | null }>(
    org,
    `SELECT Id, MessagingEndUser.MessagingPlatformKey FROM MessagingSession WHERE Id = ${soqlString(sessionId)}`
  );
  const endUserKey = row?.MessagingEndUser?.MessagingPlatformKey ?? undefined;
  const accepted = endUserKey === subject;
  return {
    subject,
    accepted,
    endUserKey,
    problem: accepted
      ? undefined
      : `The conversation was not taken as verified customer "${subject}": its messaging user is ${endUserKey ? `"${endUserKey}"` : 'a guest'}. Check the channel's user verification in Setup (Enhanced Chat User Verification) and its key set.`
  };
}
