/**
 * Contact matching on an unverified identity: `contactMatching.trustUnverifiedEmail: true` on a channel
 * that does not verify users links a Contact by the email the AI vendor passes on, which the customer
 * typed and nobody verified. A warning, so the choice is visible in every validate run; and a notice
 * when matching is configured but off. Whether users are verified is the channel's own setting,
 * `channel.verification.mode` (docs/channel.md), the same one the generated channel's authMode follows.
 */
import { PROJECT_FILES } from '../../project/paths';
import type { ConfigAndManifest } from '../../project/buildManifest';
import { rawConfig } from '../../source';
import type { Rule } from '../types';

interface RawIdentity {
  contactMatching?: { emailAttribute?: unknown; trustUnverifiedEmail?: unknown };
  channel?: { verification?: { mode?: unknown } };
}

function identity(configFiles: ConfigAndManifest): RawIdentity | undefined {
  return rawConfig(configFiles) as RawIdentity | undefined;
}

export const rules: Rule[] = [
  {
    id: 'identity/unverified-email',
    description: 'Contact matching trusts an email nobody verified (contactMatching.trustUnverifiedEmail).',
    fix: 'Verify users on the channel (channel.verification.mode "verified", docs/channel.md), or accept the risk knowingly (docs/flow.md).',
    severity: 'warning',
    check({ configFiles, report, notice }) {
      const raw = identity(configFiles);
      const cm = raw?.contactMatching;
      if (!cm) return;
      const verified = raw.channel?.verification?.mode === 'verified';
      if (cm.trustUnverifiedEmail === true && !verified)
        report(
          { file: PROJECT_FILES.config },
          "contactMatching.trustUnverifiedEmail is true: a customer who types someone else's email is linked to that Contact, and the agent sees their cases"
        );
      else if (cm.trustUnverifiedEmail !== true && !verified)
        notice(
          'Contact matching is off: the channel does not verify users (set channel.verification.mode "verified", or contactMatching.trustUnverifiedEmail).'
        );
    }
  }
];
