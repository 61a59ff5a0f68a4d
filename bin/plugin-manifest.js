#!/usr/bin/env node
'use strict';
// Writes oclif.manifest.json, the sf plugin's command list with every flag (run by `npm run build:cli`
// after tsc, so it changes whenever the compiled classes do). sf reads it at start-up; without it, sf
// loads every `sf handoff` class (and with them sf-plugins-core and @salesforce/core) on EVERY sf
// command a user runs: `sf --version` took 2.9 s without it, 0.6 s with it, on this project's machine.
const fs = require('node:fs');
const path = require('node:path');
const { Plugin } = require('@oclif/core');

const root = path.join(__dirname, '..');
(async () => {
  // What `oclif manifest` does, without the oclif CLI package: load each command class, cache its shape.
  const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true });
  await plugin.load();
  const file = path.join(root, 'oclif.manifest.json');
  fs.writeFileSync(file, JSON.stringify(plugin.manifest, null, 2) + '\n');
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), file)}: ${Object.keys(plugin.manifest.commands).length} sf commands\n`
  );
})().catch((e) => {
  process.stderr.write(`plugin-manifest: ${e.stack || e}\n`);
  process.exit(1);
});
