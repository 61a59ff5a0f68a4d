import type { FlagTable } from '../args';

/** Listed in three sections of the usage text: input, scenario, project. */
export const SIMULATE_FLAGS = {
  replay: {
    kind: 'string',
    helpValue: 'FILE.jsonl',
    group: 'input',
    summary: 'Many payloads, one JSON object per line.',
    usage: 'many payloads, one JSON object per line: outcome distribution and the keys\nmost often dropped'
  },
  compare: {
    kind: 'string',
    helpValue: 'DIR',
    group: 'input',
    summary: 'With --replay: also replay against another project and list the changed outcomes.',
    usage:
      'with --replay: also replay against another project (root or force-app) and\nlist the payloads whose outcome changed'
  },
  agents: {
    kind: 'multiple',
    helpValue: 'QUEUE=N',
    group: 'scenario',
    summary: 'Online agents in a queue (repeatable; default: 1 in every queue).',
    usage: 'online agents in queue QUEUE (repeatable; default: 1 in every queue)'
  },
  'no-agents': {
    kind: 'boolean',
    group: 'scenario',
    summary: 'No agent online in any queue (unless --agents says otherwise).'
  },
  hours: {
    kind: 'string',
    helpValue: 'open|closed',
    group: 'scenario',
    summary: 'Business hours: open (default) or closed.',
    usage: 'business hours (default: open)'
  },
  'end-conversation': {
    kind: 'string',
    helpValue: 'accepted|refused',
    group: 'scenario',
    summary: 'What the End Conversation action answers: accepted (default) or refused.',
    usage:
      'what the End Conversation action answers (default: accepted; refused as\nwith no settings record): the flow stores either on the session'
  },
  'earlier-session': {
    kind: 'string',
    helpValue: 'FILE',
    group: 'scenario',
    summary: 'A payload of an earlier session of the same conversation (runs first).'
  },
  contact: {
    kind: 'string',
    helpValue: 'EMAIL',
    group: 'scenario',
    summary: 'An existing Contact with this email in the org.'
  },
  'platform-key': {
    kind: 'string',
    helpValue: 'KEY',
    group: 'scenario',
    summary: "The MessagingEndUser's MessagingPlatformKey.",
    usage: "the MessagingEndUser's MessagingPlatformKey (a phone number for SMS)"
  },
  project: {
    kind: 'string',
    helpValue: 'DIR',
    group: 'project',
    summary: 'Project root or force-app folder (default: this project).'
  },
  deployment: {
    kind: 'string',
    helpValue: 'NAME',
    group: 'project',
    summary: 'The EmbeddedServiceConfig to use when there are several.'
  },
  flow: {
    kind: 'string',
    helpValue: 'NAME',
    group: 'project',
    summary: 'Any routing flow of the project (no handoff.config.json needed; the payload is optional).',
    usage:
      "any routing flow of the project (a retrieve, not only the kit's): no\nhandoff.config.json or deployment needed; the payload is optional"
  }
} as const satisfies FlagTable;
