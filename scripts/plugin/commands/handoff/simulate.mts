import { Args } from '@oclif/core';
import { commandSummary } from '../../../cli/main.js';
import { SIMULATE_FLAGS } from '../../../cli/flags/simulate.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { sfFlags } from '../../flags.mjs';

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
  public static override readonly flags = sfFlags(SIMULATE_FLAGS);
}
