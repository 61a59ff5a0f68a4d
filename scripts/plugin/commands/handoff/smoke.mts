import { Flags } from '@salesforce/sf-plugins-core';
import { commandSummary } from '../../../cli/main.js';
import { HandoffCommand } from '../../handoffCommand.mjs';
import { config, scrtUrl, targetOrg } from '../../flags.mjs';

export default class Smoke extends HandoffCommand {
  public static override readonly summary = commandSummary('smoke');
  public static override readonly description =
    "Acts as the AI vendor over the MIAW REST API: starts a conversation with the payload's keys as routingAttributes, waits for the MessagingSession and reports which attribute landed in which field. The conversation is always closed. See docs/org-operations.md.";
  public static override readonly examples = [
    '<%= config.bin %> <%= command.id %> -o my-sandbox --payload examples/payloads/fin-sample.json'
  ];
  public static override readonly flags = {
    'target-org': targetOrg,
    payload: Flags.string({ summary: 'A JSON object of vendor keys to string values.', helpValue: 'FILE' }),
    verified: Flags.boolean({ summary: 'Play a verified customer (a signed test identity JWT).' }),
    'jwt-key': Flags.string({
      summary: 'The environment variable holding the private key (PEM or private JWK); never printed.',
      helpValue: 'ENV_VAR'
    }),
    'jwt-kid': Flags.string({ summary: "The key's id in the key set (default: the JWK's kid).", helpValue: 'KID' }),
    'jwt-subject': Flags.string({
      summary: "The verified customer's id, the JWT's sub (default handoff-smoke-test).",
      helpValue: 'SUB'
    }),
    'scrt-url': scrtUrl,
    timeout: Flags.string({
      summary: 'How long to wait for the MessagingSession, in seconds (default 60).',
      helpValue: 'SECONDS'
    }),
    config
  };
}
