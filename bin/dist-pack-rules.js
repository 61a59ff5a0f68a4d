#!/usr/bin/env node
'use strict';
// Writes dist/scripts/.npmignore (run by `npm run build:cli`, after tsc): npm packs the compiled .js
// and .mjs of dist/scripts, not tsc's source maps. package.json `files` names the folder itself rather
// than the globs "dist/scripts/**/*.js" that said this before: `sf plugins install file:…` checks every
// `files` entry as a literal path (@oclif/plugin-plugins 5, Plugins.install) and warned that "the
// prepare script did not produce all the expected files" when a glob matched no file of that name.
// npm reads an .npmignore below the package root even when `files` is set (npm-packlist), and never
// packs the .npmignore itself.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'dist', 'scripts', '.npmignore');
fs.writeFileSync(
  file,
  ['# Written by bin/dist-pack-rules.js: only the compiled code ships.', '*', '!*/', '!*.js', '!*.mjs', ''].join('\n')
);
