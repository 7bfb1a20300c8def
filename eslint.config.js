// Layer walls (docs/ENGINE.md, DESIGN.md): imports point down only, features never import each other,
// and the engine stays pure so it runs unchanged in the browser, a worker and Node.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['library', 'play', 'debrief', 'review', 'author'];
const UI_AND_UP = ['@/features/*', '@/state/*', '@/records/*', '@/ui/*', '@/i18n/*', '@/app/*'];
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

const restrict = (groups, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.map((group) => ({ group: [group].flat(), message })) },
  ],
});

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
      'react/no-danger': 'off',
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      ...restrict(
        [...STORAGE_AND_UI_LIBS, ...UI_AND_UP],
        'src/engine is pure TypeScript: no React, DOM, i18next, storage or app layers (DESIGN.md, Layers).',
      ),
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
    files: ['src/records/**'],
    rules: restrict(
      ['react', 'react-dom', '@/features/*', '@/state/*', '@/ui/*'],
      'src/records sits below the views and stores.',
    ),
  },
  {
    files: ['src/ui/**'],
    rules: restrict(
      ['@/features/*', '@/state/*', '@/records/*'],
      'src/ui is presentational: it takes props, it does not reach into stores or features.',
    ),
  },
  {
    files: ['src/state/**'],
    rules: restrict(['@/features/*', '@/app/*'], 'stores sit below the views.'),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: restrict(
      [
        [`@/features/*`, `!@/features/${feature}`, `!@/features/${feature}/**`],
        ...FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/**`),
        '@/app/*',
      ],
      'features never import each other: share through src/state or src/ui.',
    ),
  })),
  {
    files: ['src/**/*.tsx', 'src/features/**', 'src/ui/**'],
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
