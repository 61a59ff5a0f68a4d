'use strict';
/* global require, process */
// Preloaded (node -r) into a child `handoff` process by test/architecture/startup.test.ts: runs the
// TypeScript sources through SWC (as jest does), counts worker threads started, and at exit writes
// every module the process loaded to the file named by HANDOFF_MODULE_PROBE.
const fs = require('node:fs');
const workerThreads = require('node:worker_threads');
const swc = require('@swc/core');

const loadedBefore = new Set(Object.keys(require.cache));
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' }
  });
  module._compile(code, filename);
};

let workers = 0;
const OriginalWorker = workerThreads.Worker;
workerThreads.Worker = class CountedWorker extends OriginalWorker {
  constructor(...args) {
    workers++;
    super(...args);
  }
};

process.on('exit', () => {
  const modules = Object.keys(require.cache).filter((m) => !loadedBefore.has(m));
  fs.writeFileSync(process.env.HANDOFF_MODULE_PROBE, JSON.stringify({ modules, workers }));
});
