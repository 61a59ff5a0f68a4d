import * as fs from 'node:fs';
import { parseFlags } from '../cli/args';
import type { Command } from '../cli/command';
import { inferAttributes } from '../config/infer';
import { configPath } from '../config/load';
import { starterConfig } from '../config/templates';
import type { Vendor } from '../config/types';
import { validateConfig } from '../config/validate';
import { UsageError, UserError, formatProblem } from '../project/errors';
import { readJsonFile } from '../project/json';
import { displayPath } from '../project/paths';

const VENDORS: Vendor[] = ['fin', 'fullview', 'cognigy', 'generic'];

const USAGE = `Usage: handoff init --vendor fin|fullview|cognigy|generic [--from-payload FILE] [--config FILE] [--force] [--json]

Writes a starting handoff.config.json for the vendor. With --from-payload, the attributes are
inferred from a real hand-off payload (the JSON object of routing attributes the vendor sends).
An existing config is never overwritten without --force.
`;

export const command: Command = {
  name: 'init',
  usage: USAGE,
  async run({ argv, out, root }) {
    const { values } = parseFlags('init', argv, {
      vendor: { type: 'string' },
      'from-payload': { type: 'string' },
      config: { type: 'string' },
      force: { type: 'boolean' }
    });
    const vendor = values.vendor as Vendor | undefined;
    if (!vendor) throw new UsageError('handoff init: --vendor is required (fin, fullview, cognigy or generic).');
    if (!VENDORS.includes(vendor))
      throw new UsageError(`handoff init: --vendor must be one of ${VENDORS.join(', ')}, not "${vendor}".`);
    const target = configPath(root, values.config);
    if (fs.existsSync(target) && !values.force) {
      throw new UserError(
        `${displayPath(target)} already exists. Pass --force to overwrite it, or --config FILE to write elsewhere.`
      );
    }

    let skipped: { key: string; reason: string }[] = [];
    let config = starterConfig(vendor);
    const payloadFile = values['from-payload'];
    if (payloadFile) {
      const payload = readPayload(payloadFile);
      const inferred = inferAttributes(payload);
      if (!inferred.attributes.length)
        throw new UserError(`${displayPath(payloadFile)} has no string values to make attributes from.`);
      skipped = inferred.skipped;
      config = starterConfig(vendor, inferred.attributes);
    }
    // A starter config must itself be valid: a payload key can still break a rule (e.g. 256+ char key).
    const problems = validateConfig(config, displayPath(target));
    if (problems.length) throw new UserError('The inferred config is not valid:', problems.map(formatProblem));

    fs.writeFileSync(target, JSON.stringify(config, null, 2) + '\n');
    for (const s of skipped) out.warn(`skipped "${s.key}": ${s.reason}`);
    out.log(`Wrote ${displayPath(target)} for ${vendor} with ${config.attributes?.length ?? 0} attributes.`);
    out.log('Next: review queues and routing rules, then run `handoff build` and `handoff validate`.');
    return {
      exitCode: 0,
      result: { config: displayPath(target), vendor, attributes: config.attributes?.length ?? 0, skipped }
    };
  }
};

function readPayload(file: string): Record<string, unknown> {
  const data = readJsonFile(file);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UserError(`${displayPath(file)} must hold one JSON object of routing attributes ({"key": "value", …}).`);
  }
  // Fin and others sometimes wrap the attributes: accept {routingAttributes: {...}} as sent to MIAW.
  const obj = data as Record<string, unknown>;
  const inner = obj.routingAttributes;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : obj;
}
