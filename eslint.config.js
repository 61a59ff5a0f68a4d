'use strict';
// ESLint flat config: TypeScript tooling (scripts/, test/, bench/) with typescript-eslint; the LWCs
// (lwc-ts/ sources and their compiled JS in force-app) with @salesforce/eslint-config-lwc.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const importPlugin = require('eslint-plugin-import');

// LWC blocks: the recommended LWC rules on the TypeScript sources (typescript-eslint parser; the *Ts
// configs' babel parser gives false no-undef on types) and on the compiled JS the platform receives.
const LWC_TS = ['lwc-ts/**/*.ts'];
const LWC_TS_TESTS = ['lwc-ts/**/__tests__/**/*.ts', 'lwc-ts/jest.setup.ts'];
const LWC_JS = ['force-app/main/default/lwc/**/*.js'];
const scoped = (configs, files) => configs.map((c) => ({ ...c, files }));

// The layers of docs/architecture.md, held by the linter: one-way data flow (config → model →
// generators → files; the validator, simulator and org commands read files), and no test code in
// what dist ships. A zone forbids `target` files to import from `from`.
const ARCHITECTURE_ZONES = [
  {
    target: ['./scripts/validate', './scripts/simulate', './scripts/org', './scripts/source'],
    from: './scripts/generate',
    message:
      'The validator, simulator, org commands and source read model read files and never import the generators; let the command layer pass in what you need (docs/architecture.md).'
  },
  {
    target: './scripts',
    from: './test',
    message: 'scripts/ ships in dist and never imports test code (docs/architecture.md).'
  },
  {
    target: ['./scripts/!(commands|cli|plugin)/**', './scripts/*.ts'],
    from: './scripts/cli',
    message:
      'Only the commands (scripts/commands) and the sf plugin adapter (scripts/plugin) use the CLI helpers (docs/architecture.md).'
  },
  {
    target: ['./scripts/!(plugin)/**', './scripts/*.ts'],
    from: './scripts/plugin',
    message:
      'Nothing imports the sf plugin (scripts/plugin): sf loads its command classes; `npx handoff` never does (docs/architecture.md).'
  },
  {
    target: './scripts/!(commands|cli)/**',
    from: './scripts/commands',
    message: 'Only the CLI dispatcher (scripts/cli/main.ts) loads the commands (docs/architecture.md).'
  },
  {
    target: ['./scripts/project', './scripts/xml', './scripts/platform', './scripts/naming', './scripts/config'],
    from: [
      './scripts/model',
      './scripts/generate',
      './scripts/source',
      './scripts/validate',
      './scripts/simulate',
      './scripts/org',
      './scripts/apex'
    ],
    message:
      'project, xml, platform, naming and config sit below the model and everything that reads or writes metadata (docs/architecture.md).'
  },
  {
    target: './scripts/org/doctor/checks',
    from: [
      './scripts/org/doctor/read',
      './scripts/org/doctorSoql.ts',
      './scripts/org/connect.ts',
      './scripts/org/miawClient.ts',
      './scripts/source',
      './scripts/xml'
    ],
    message:
      "Doctor's checks are pure functions of the model and the DoctorSnapshot: what they need from the org or the files is read in org/doctor/read/ (docs/architecture.md)."
  },
  {
    target: './scripts/model',
    from: ['./scripts/generate', './scripts/source', './scripts/validate', './scripts/simulate', './scripts/org'],
    message: 'The resolved model is built from the config alone (docs/architecture.md).'
  }
];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-bench/**',
      'coverage/**',
      '.sfdx/**',
      '.sf/**',
      '**/__fixtures__/**',
      'test/fixtures/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({
    ...c,
    files: ['scripts/**/*.ts', 'scripts/**/*.mts', 'test/**/*.ts', 'bench/**/*.ts']
  })),
  {
    files: ['scripts/**/*.ts', 'scripts/**/*.mts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['scripts/**/*.ts', 'scripts/**/*.mts', 'bench/**/*.ts', 'test/**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } }
    },
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': ['error', { basePath: __dirname, zones: ARCHITECTURE_ZONES }],
      // A module loaded by a string the linter cannot follow escapes both rules above (a JSON file is data).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'] > Literal.arguments[value=/^[.](?!.*[.]json$)/]",
          message:
            'No require of an internal module by string: import it, or `await import()` it to load it lazily, so TypeScript, the layer rules and a reader can follow it (docs/architecture.md).'
        }
      ]
    }
  },
  ...scoped(lwcConfig.configs.recommended, LWC_JS),
  ...scoped(lwcConfig.configs.recommended, LWC_TS),
  ...scoped(tseslint.configs.recommended, LWC_TS),
  {
    files: LWC_TS,
    languageOptions: { parser: tseslint.parser, sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-undef': 'off' }
  },
  {
    files: LWC_TS_TESTS,
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Tests wait for re-renders, look for the copy fallback's textarea, and feed hostile URLs on purpose.
      '@lwc/lwc/no-async-operation': 'off',
      '@lwc/lwc/no-document-query': 'off',
      'no-script-url': 'off'
    }
  },
  {
    files: ['*.js', 'bin/**/*.js', '.ci/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  }
];
