'use strict';
/* global require, process */
// Preloaded (node -r) into a child `handoff` process by test/architecture/startup.test.ts: runs the
// TypeScript sources through SWC (as jest does), counts worker threads started, records every call
// of a locale API (its first call loads ICU's locale data, 10–40 ms) and at exit writes every module
// the process loaded to the file named by HANDOFF_MODULE_PROBE.
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

const localeCalls = [];
const caller = () => (new Error().stack ?? '').split('\n')[3]?.trim() ?? '';
const countCalls = (owner, name, label) => {
  const original = owner[name];
  owner[name] = new Proxy(original, {
    apply(target, self, args) {
      localeCalls.push(`${label} ${caller()}`);
      return Reflect.apply(target, self, args);
    },
    construct(target, args, newTarget) {
      localeCalls.push(`${label} ${caller()}`);
      return Reflect.construct(target, args, newTarget);
    }
  });
};
const LOCALE_APIS = [
  [Number.prototype, 'Number.prototype', ['toLocaleString']],
  [String.prototype, 'String.prototype', ['localeCompare', 'toLocaleLowerCase', 'toLocaleUpperCase']],
  [Date.prototype, 'Date.prototype', ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']],
  [Intl, 'Intl', Object.getOwnPropertyNames(Intl).filter((name) => typeof Intl[name] === 'function')]
];
for (const [owner, ownerName, names] of LOCALE_APIS)
  for (const name of names) countCalls(owner, name, `${ownerName}.${name}`);

process.on('exit', () => {
  const modules = Object.keys(require.cache).filter((m) => !loadedBefore.has(m));
  fs.writeFileSync(process.env.HANDOFF_MODULE_PROBE, JSON.stringify({ modules, workers, localeCalls }));
});
