import type { FlagTable } from '../args';
import { CONFIG } from './shared';

export const INIT_FLAGS = {
  vendor: { kind: 'string', helpValue: 'VENDOR', summary: 'The AI vendor: fin, fullview, cognigy or generic.' },
  'package-dir': {
    kind: 'string',
    helpValue: 'DIR',
    summary: 'The package directory of sfdx-project.json to install into.',
    usage:
      'the package directory of sfdx-project.json to install into (at a terminal, init asks\nwhen there are several; otherwise the default one)'
  },
  'from-payload': {
    kind: 'string',
    helpValue: 'FILE',
    summary: 'Infer the attributes from a real hand-off payload (a JSON object).'
  },
  config: CONFIG,
  force: { kind: 'boolean', summary: 'Overwrite an existing config.' }
} as const satisfies FlagTable;
