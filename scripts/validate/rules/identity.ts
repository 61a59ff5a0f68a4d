/**
 * Contact matching on an unverified identity: `contactMatching.trustUnverifiedEmail: true` links a Contact
 * by the email the AI vendor passes on, which the customer typed and nobody verified. A warning, so the
 * choice is visible in every validate run; and a notice when matching is configured but off.
 */
import { PROJECT_FILES } from '../../project/paths';
import { rawConfig, type SourceProject } from '../../source';
import type { Rule } from '../types';

interface RawContactMatching {
  emailAttribute?: unknown;
  channelVerifiesUsers?: unknown;
  trustUnverifiedEmail?: unknown;
}

function contactMatching(project: SourceProject): RawContactMatching | undefined {
  return rawConfig(project)?.contactMatching as RawContactMatching | undefined;
}

export const rules: Rule[] = [
  {
    id: 'identity/unverified-email',
    description: 'Contact matching trusts an email nobody verified (contactMatching.trustUnverifiedEmail).',
    fix: 'Verify users on the channel and set contactMatching.channelVerifiesUsers, or accept the risk knowingly (docs/flow.md).',
    severity: 'warning',
    check({ project, report, notice }) {
      const cm = contactMatching(project);
      if (!cm) return;
      if (cm.trustUnverifiedEmail === true && cm.channelVerifiesUsers !== true)
        report(
          { file: PROJECT_FILES.config },
          "contactMatching.trustUnverifiedEmail is true: a customer who types someone else's email is linked to that Contact, and the agent sees their cases"
        );
      else if (cm.trustUnverifiedEmail !== true && cm.channelVerifiesUsers !== true)
        notice(
          'Contact matching is off: the channel does not verify users (set contactMatching.channelVerifiesUsers or trustUnverifiedEmail).'
        );
    }
  }
];
