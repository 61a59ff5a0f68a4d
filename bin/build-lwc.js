#!/usr/bin/env node
'use strict';
// Compiles the TypeScript LWCs in lwc-ts/ into force-app/main/default/lwc/ (npm run build:lwc).
//
//   node bin/build-lwc.js           type-check, emit the .js, copy .html/.css/.js-meta.xml/.svg, and
//                                   remove files a bundle no longer produces
//   node bin/build-lwc.js --check   compile in memory and compare with force-app: exit 1 listing every
//                                   stale, missing or extra file (CI runs this; nothing is written)
//
// Settings come from lwc-ts/tsconfig.json (target ESNext, experimentalDecorators false,
// useDefineForClassFields true: the LWC compiler accepts decorators only as written). Every emitted
// module is also run through @lwc/compiler, so output the platform would reject fails here, not at
// deploy time. Output is deterministic: same sources, same bytes (LF, sorted, no timestamps).
// Each build records lwc-ts/build-manifest.json (content hashes of the sources and the outputs), so
// `handoff validate` checks freshness by hashing, without compiling (scripts/project/lwcManifest.ts).
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'lwc-ts');
const OUT_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'lwc');
const TSCONFIG = path.join(SOURCE_DIR, 'tsconfig.json');
const COPIED_EXTENSIONS = ['.html', '.css', '.js-meta.xml', '.svg'];
// Folders under lwc-ts/ that are not component bundles.
const NON_BUNDLES = new Set(['types', 'node_modules']);

function rel(file) {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

function formatDiagnostics(diagnostics) {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n'
  });
}

/** Component bundles: the folders directly under lwc-ts/ (sorted, so output order is stable). */
function listBundles() {
  return fs
    .readdirSync(SOURCE_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NON_BUNDLES.has(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

function isTestPath(relativePath) {
  return relativePath.split('/').some((part) => part === '__tests__' || part === '__mocks__');
}

/** Type-checks lwc-ts/ (tests included) and returns the emitted JS of non-test sources, by output path. */
function compileTypeScript() {
  const read = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
  if (read.error) {
    throw new Error(formatDiagnostics([read.error]));
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, SOURCE_DIR, undefined, TSCONFIG);
  if (parsed.errors.length > 0) {
    throw new Error(formatDiagnostics(parsed.errors));
  }
  const options = {
    ...parsed.options,
    outDir: OUT_DIR,
    rootDir: SOURCE_DIR,
    sourceMap: false,
    declaration: false
  };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new Error(`TypeScript errors in lwc-ts/:\n${formatDiagnostics(diagnostics)}`);
  }
  const outputs = new Map();
  for (const sourceFile of program.getSourceFiles()) {
    const relativeSource = path.relative(SOURCE_DIR, sourceFile.fileName).split(path.sep).join('/');
    if (relativeSource.startsWith('..') || sourceFile.isDeclarationFile || isTestPath(relativeSource)) {
      continue;
    }
    if (NON_BUNDLES.has(relativeSource.split('/')[0]) || !relativeSource.includes('/')) {
      continue;
    }
    const result = program.emit(sourceFile, (fileName, text) => {
      if (fileName.endsWith('.js')) {
        outputs.set(path.resolve(fileName), text.endsWith('\n') ? text : `${text}\n`);
      }
    });
    if (result.emitSkipped) {
      throw new Error(`TypeScript did not emit ${relativeSource}`);
    }
  }
  return outputs;
}

/** The .html/.css/.js-meta.xml/.svg files of each bundle, copied byte for byte beside the JS. */
function collectAssets(bundles, outputs) {
  for (const bundle of bundles) {
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        const relativePath = path.relative(SOURCE_DIR, full).split(path.sep).join('/');
        if (isTestPath(relativePath)) {
          continue;
        }
        if (entry.isDirectory()) {
          walk(full);
        } else if (COPIED_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
          outputs.set(path.join(OUT_DIR, relativePath), fs.readFileSync(full));
        }
      }
    };
    walk(path.join(SOURCE_DIR, bundle));
  }
}

/** Runs each emitted module through the LWC compiler: what it rejects, the platform rejects too. */
function verifyWithLwcCompiler(outputs) {
  let lwcCompiler;
  try {
    lwcCompiler = require('@lwc/compiler');
  } catch {
    process.stderr.write('build-lwc: @lwc/compiler not installed, skipping the LWC compile check\n');
    return;
  }
  const problems = [];
  for (const [file, content] of outputs) {
    if (!file.endsWith('.js') && !file.endsWith('.html')) {
      continue;
    }
    const bundle = path.basename(path.dirname(file));
    try {
      lwcCompiler.transformSync(content.toString(), path.basename(file), {
        namespace: 'c',
        name: bundle
      });
    } catch (error) {
      problems.push(`${rel(file)}: ${String(error.message).split('\n')[0]}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The LWC compiler rejects the output:\n${problems.join('\n')}`);
  }
}

/** Every file currently in the output folders of our bundles (and bundles that no longer exist). */
function existingOutputFiles(bundles) {
  const files = [];
  if (!fs.existsSync(OUT_DIR)) {
    return files;
  }
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files.push(full);
      }
    }
  };
  for (const entry of fs.readdirSync(OUT_DIR, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      walk(path.join(OUT_DIR, entry.name));
    } else if (!bundles.includes(entry.name)) {
      files.push(path.join(OUT_DIR, entry.name));
    }
  }
  return files.sort();
}

function sameContent(file, expected) {
  if (!fs.existsSync(file)) {
    return false;
  }
  return Buffer.compare(fs.readFileSync(file), Buffer.from(expected)) === 0;
}

/** The manifest module, compiled with the CLI (npm run build compiles the CLI first). */
function lwcManifest() {
  const compiled = path.join(ROOT, 'dist', 'scripts', 'project', 'lwcManifest.js');
  if (!fs.existsSync(compiled)) {
    throw new Error('the CLI is not compiled (dist/ is missing): run `npm run build:cli` first');
  }
  return require(compiled);
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`build-lwc: unknown argument ${unknown[0]}\nusage: node bin/build-lwc.js [--check]\n`);
    return 2;
  }
  const bundles = listBundles();
  const outputs = compileTypeScript();
  collectAssets(bundles, outputs);
  verifyWithLwcCompiler(outputs);

  const existing = existingOutputFiles(bundles);
  const extra = existing.filter((file) => !outputs.has(file));
  const changed = [...outputs.keys()].sort().filter((file) => !sameContent(file, outputs.get(file)));

  if (check) {
    const manifest = lwcManifest();
    const recorded = manifest.readLwcManifest(ROOT);
    const manifestCurrent =
      recorded !== undefined && manifest.compareLwcManifest(recorded, manifest.currentLwcManifest(ROOT)).length === 0;
    if (changed.length === 0 && extra.length === 0 && manifestCurrent) {
      process.stderr.write(`build-lwc: ${outputs.size} compiled files in ${rel(OUT_DIR)} are current\n`);
      return 0;
    }
    const lines = [
      ...changed.map((file) => `  ${fs.existsSync(file) ? 'stale' : 'missing'} ${rel(file)}`),
      ...extra.map((file) => `  extra ${rel(file)}`),
      ...(manifestCurrent ? [] : [`  ${recorded ? 'stale' : 'missing'} ${manifest.LWC_MANIFEST_FILE}`])
    ];
    process.stderr.write(
      `build-lwc: the compiled LWCs are out of date with lwc-ts/ (run npm run build:lwc and commit):\n${lines.join('\n')}\n`
    );
    return 1;
  }

  for (const file of changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, outputs.get(file));
  }
  for (const file of extra) {
    fs.rmSync(file);
  }
  const manifest = lwcManifest();
  manifest.writeLwcManifest(ROOT, manifest.currentLwcManifest(ROOT));
  process.stderr.write(
    `build-lwc: ${bundles.length} bundle(s), ${outputs.size} files, ${changed.length} written, ${extra.length} removed\n`
  );
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`build-lwc: ${error.message}\n`);
    process.exitCode = 1;
  }
}

module.exports = { main };
