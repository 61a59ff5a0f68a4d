#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm run build:cli` (run on `npm install`).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'scripts', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'handoff: the CLI is not compiled yet. Run `npm install` (or `npm run build:cli`) in the project folder first.\n'
  );
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
