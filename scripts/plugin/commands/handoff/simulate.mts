import { Args } from '@oclif/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { repeatable } from '../../flags.mjs';

export default class Simulate extends HandoffCommand {
  public static override readonly summary = commandSummary('simulate');
  public static override readonly description =
    "Plays a vendor's hand-off payload through what will be deployed, with no org: the channel and deployment files (which keys are accepted or dropped and why) and the routing flow itself, against an in-memory org. Exit 1 when the payload is dropped. See docs/simulate.md.";
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> examples/payloads/fin-sample.json',
    '<%= config.bin %> <%= command.id %> payload.json --hours closed --no-agents',
    '<%= config.bin %> <%= command.id %> --replay payloads.jsonl --compare ../main'
  ];
  public static override readonly args = {
    payload: Args.string({
      description: 'The routing attributes as the vendor sends them (a JSON file), or - for stdin.'
    })
  };
  public static override readonly flags = {
    replay: Flags.string({ summary: 'Many payloads, one JSON object per line.', helpValue: 'FILE.jsonl' }),
    compare: Flags.string({
      summary: 'With --replay: also replay against another project and list the changed outcomes.',
      helpValue: 'DIR'
    }),
    agents: repeatable('Online agents in a queue (repeatable; default: 1 in every queue).', 'QUEUE=N'),
    'no-agents': Flags.boolean({ summary: 'No agent online in any queue (unless --agents says otherwise).' }),
    hours: Flags.string({ summary: 'Business hours: open (default) or closed.', helpValue: 'open|closed' }),
    'end-conversation': Flags.string({
      summary: 'What the End Conversation action answers: accepted (default) or refused.',
      helpValue: 'accepted|refused'
    }),
    'earlier-session': Flags.string({
      summary: 'A payload of an earlier session of the same conversation (runs first).',
      helpValue: 'FILE'
    }),
    contact: Flags.string({ summary: 'An existing Contact with this email in the org.', helpValue: 'EMAIL' }),
    'platform-key': Flags.string({ summary: "The MessagingEndUser's MessagingPlatformKey.", helpValue: 'KEY' }),
    project: Flags.string({ summary: 'Project root or force-app folder (default: this project).', helpValue: 'DIR' }),
    deployment: Flags.string({
      summary: 'The EmbeddedServiceConfig to use when there are several.',
      helpValue: 'NAME'
    }),
    flow: Flags.string({
      summary: 'Any routing flow of the project (no handoff.config.json needed; the payload is optional).',
      helpValue: 'NAME'
    })
  };
}
