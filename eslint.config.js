// Layer walls (README, "Where things are"): imports point down only, features never import each other,
// and the engine stays pure so it runs unchanged in the browser, a worker and Node.
//
// The walls are checked on the *resolved* file an import reaches (import-x/no-restricted-paths with the
// TypeScript resolver), so `@/state/x`, `../state/x` and `../../src/state/x` are all the same import.
// Package imports (React, i18next, storage) are walled by name with no-restricted-imports.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
const FEATURES = ['library', 'play', 'debrief', 'review', 'author', 'lms', 'progress'];
const LAYERS = ['engine', 'records', 'state', 'ui', 'features', 'i18n', 'cli', 'app'];
const src = (path) => `${ROOT}/src/${path}`;

/**
 * What each layer may import from src/ besides itself; everything else in src/ is walled off.
 * src/app (and src/main.tsx) may import anything. Views (features, ui) have a second, type-aware wall
 * below: they may import types from anywhere in the engine and records, values only from PURE_HELPERS.
 */
const MAY_IMPORT = {
  engine: [],
  records: ['engine'],
  state: ['engine', 'records', 'i18n'],
  ui: ['engine', 'i18n'],
  features: ['engine', 'records', 'state', 'ui', 'i18n'],
  i18n: [],
  cli: ['engine', 'records'],
};
const WHY = {
  engine: 'src/engine is pure TypeScript and imports only src/engine.',
  records: 'src/records sits on the engine and below the stores and views.',
  state: 'stores sit below the views: src/state imports engine, records, i18n and state only.',
  ui: 'src/ui is presentational: it takes props, never reaches into stores, records or features.',
  features:
    'a feature imports state, ui, i18n and the pure engine/records helpers, never src/app or src/cli.',
  i18n: 'src/i18n imports nothing but src/i18n.',
  cli: 'src/cli runs the engine and records in Node: no views, stores or i18n.',
};

/** Engine and records modules a view may take values from: display helpers with no I/O and no zod. */
const PURE_HELPERS = {
  engine: [
    './format/ids.ts',
    './format/localized-text.ts',
    './runtime/customer-lines.ts',
    './runtime/display-order.ts',
  ],
  records: ['./aggregate.ts', './row-filter.ts', './attempt-row.ts', './csv.ts'],
};

const layerZones = Object.entries(MAY_IMPORT).map(([layer, allowed]) => ({
  target: src(layer),
  from: [
    ...LAYERS.filter((l) => l !== layer && !allowed.includes(l)).map(src),
    `${ROOT}/src/main.tsx`,
    // Code in src/ never imports the tests or the build scripts; the engine reads no content files.
    ...['test', 'scripts', ...(layer === 'engine' ? ['scenarios', 'public'] : [])].map((d) => `${ROOT}/${d}`),
  ],
  message: WHY[layer],
}));
const featureZones = FEATURES.map((feature) => ({
  target: src(`features/${feature}`),
  from: FEATURES.filter((f) => f !== feature).map((f) => src(`features/${f}`)),
  message: 'features never import each other: share through src/state or src/ui.',
}));
const viewValueZones = [
  {
    target: [src('features'), src('ui')],
    from: src('engine'),
    except: PURE_HELPERS.engine,
    message:
      'views take engine types from anywhere but values only from its display helpers; loading, linting, playing and analysing go through src/state.',
  },
  {
    target: src('features'),
    from: src('records'),
    except: PURE_HELPERS.records,
    message:
      'views take records types from anywhere but values only from the pure row helpers; storage, import and verification go through src/state.',
  },
];

/** An import that TypeScript erases: `import type …`, `export type … from`. */
const isTypeOnly = (node) => node?.importKind === 'type' || node?.exportKind === 'type';

/**
 * import-x/no-restricted-paths that lets type-only imports through: types cost nothing at run time
 * and carry no behaviour, so a view may name the engine's types without reaching its machinery.
 */
const restrictedValuePaths = {
  meta: importX.rules['no-restricted-paths'].meta,
  create(context) {
    const filtered = Object.create(context, {
      report: { value: (descriptor) => isTypeOnly(descriptor.node?.parent) || context.report(descriptor) },
    });
    return importX.rules['no-restricted-paths'].create(filtered);
  },
};

const STORAGE_AND_UI_LIBS = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'i18next',
  'react-i18next',
  'zustand',
  'zustand/*',
  'dexie',
  'idb',
  'idb-keyval',
  'framer-motion',
  'motion',
  '@tanstack/*',
];

export default tseslint.config(
  {
    ignores: [
      '.scratch',
      'dist',
      'node_modules',
      'public/schema',
      'test/e2e/artifacts',
      'playwright-report',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/fixtures/lint-probes/**/*.ts'],
    plugins: { 'import-x': importX, walls: { rules: { 'no-restricted-value-paths': restrictedValuePaths } } },
    settings: {
      // The TypeScript parser for every module no-cycle follows; the resolver that reads tsconfig's `@/*`.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.json` })],
    },
    rules: {
      // An import the resolver cannot follow would slip past every wall, so it is an error too.
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: [...layerZones, ...featureZones] }],
      'walls/no-restricted-value-paths': ['error', { basePath: ROOT, zones: viewValueZones }],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: STORAGE_AND_UI_LIBS,
              message: 'src/engine is pure TypeScript: no React, DOM, i18next or storage.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'fetch',
        'XMLHttpRequest',
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/records/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'i18next',
                'react-i18next',
                'zustand',
                'zustand/*',
              ],
              message: 'records and the CLI run without React, i18next, views or stores.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'scenario and imported text is data: render it as text.',
        },
      ],
    },
  },
);
