#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is TypeScript compiled to dist/ (by `npm install` in a checkout, by `prepack`
// for the npm package). Checks the Node version first: the kit's dependencies (jsforce, SDR,
// @salesforce/core through undici 8) fail at load time on older Node with an unreadable error.
const path = require('node:path');
const fs = require('node:fs');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(
    `handoff: Node ${process.versions.node} is too old; the kit needs Node 22.19 or newer (22 or 24 LTS, as the sf CLI).\n` +
      'Install a current Node (https://nodejs.org), or run it from npm: `npx -p node@22 -p handoff-kit handoff …`.\n'
  );
  process.exit(1);
}

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
