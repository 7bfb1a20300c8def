/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Code a trainee fetches only when needed gets a named chunk, so `npm run build` can report it apart:
 * the free-text analyser (first typed reply) and full validation with zod (a broken scenario file,
 * a stored record that fails the fast check, importing bundles in Review). Dependencies are not
 * pulled in with them: shared engine modules must stay where every route can load them.
 *
 * The engine, records, store and ui modules that two or more routes share go into one
 * `trainee-shared` chunk instead of a dozen small ones: one request instead of many, and about 4 KB
 * less gzip over library → play → debrief (the budget in scripts/bundle-size.mjs). The entry chunk
 * does not import it, so the first paint waits for none of it.
 */
const VALIDATION =
  /\/node_modules\/(zod|jsonc-parser)\/|\/src\/engine\/format\/((scenario|rubric|localized-text)-schema|condition|json-schema)\.ts$|\/src\/engine\/load\/(load-scenario|load-rubric|load-document|zod-issues|source-map)\.ts$|\/src\/records\/(attempt-record-schema|migrations)\.ts$/;
const XAPI =
  /\/src\/records\/(xapi|outbox)\/|\/src\/state\/(lrs-(bridge|config|outbox|store)|cmi5-launch)\.ts$/;
const onDemandChunks = {
  includeDependenciesRecursively: false,
  groups: [
    { name: 'on-demand-free-text', test: /\/src\/engine\/text\//, priority: 20 },
    // xAPI statements, the outbox and the LRS client: fetched only when an LRS is configured.
    { name: 'on-demand-xapi', test: XAPI, priority: 30 },
    { name: 'on-demand-validation', test: VALIDATION, priority: 10 },
    // Import and export of bundles: Review's, also used to load attempts from an LRS. Never a trainee's.
    { name: 'review-bundles', test: /\/src\/records\/(import-export|bundle)\.ts$/, priority: 5 },
    {
      name: 'trainee-shared',
      test: /\/src\/(engine|records|state|ui)\/|\/node_modules\/idb\//,
      minShareCount: 2,
      priority: 1,
    },
  ],
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: { output: { codeSplitting: onDemandChunks } },
  },
  test: {
    globals: true,
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    pool: 'threads',
    testTimeout: 30_000,
  },
});
