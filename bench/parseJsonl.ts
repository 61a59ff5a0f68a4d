/** Baseline process: reads the JSONL file at argv[2], splits it into lines and JSON.parses each. */
import * as fs from 'node:fs';

let parsed = 0;
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n'))
  if (line.trim()) parsed += JSON.parse(line) ? 1 : 0;
process.stdout.write(`${parsed}\n`);
