import type { FlagTable } from '../args';
import { CONFIG, SCRT_URL, TARGET_ORG } from './shared';

export const SMOKE_FLAGS = {
  'target-org': { ...TARGET_ORG, usage: 'the org (else the SF_* environment variables)' },
  payload: {
    kind: 'string',
    helpValue: 'FILE',
    summary: 'A JSON object of vendor keys to string values.',
    usage:
      'a hand-off payload saved from your vendor: the JSON object of vendor keys → string\nvalues it sends (the file `handoff init --from-payload` reads)'
  },
  verified: {
    kind: 'boolean',
    summary: 'Play a verified customer (a signed test identity JWT).',
    usage:
      'play a verified customer: sign a test identity JWT and get the token from the\nauthenticated endpoint; checks the conversation was taken as that customer'
  },
  'jwt-key': {
    kind: 'string',
    helpValue: 'ENV_VAR',
    summary: 'The environment variable holding the private key (PEM or private JWK); never printed.'
  },
  'jwt-kid': { kind: 'string', helpValue: 'KID', summary: "The key's id in the key set (default: the JWK's kid)." },
  'jwt-subject': {
    kind: 'string',
    helpValue: 'SUB',
    summary: "The verified customer's id, the JWT's sub (default handoff-smoke-test)."
  },
  'scrt-url': {
    ...SCRT_URL,
    usage: 'the MIAW API URL (default: https://<my-domain>.my.salesforce-scrt.com from the instance URL)'
  },
  timeout: {
    kind: 'string',
    helpValue: 'SECONDS',
    summary: 'How long to wait for the MessagingSession, in seconds (default 60).'
  },
  config: CONFIG
} as const satisfies FlagTable;
