/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Code a trainee fetches only when needed gets a named chunk, so `npm run build` can report it apart:
 * the free-text analyser (first typed reply) and full validation with zod (a broken scenario file,
 * a stored record that fails the fast check, importing bundles in Review).
 */
function onDemandChunk(id: string): string | undefined {
  if (id.includes('/src/engine/text/')) return 'on-demand-free-text';
  if (/\/node_modules\/(zod|jsonc-parser)\//.test(id)) return 'on-demand-validation';
  if (/\/src\/engine\/(format\/(scenario|rubric|condition|localized-text)-schema|format\/condition|load\/(load-scenario|load-rubric|load-document|zod-issues|source-map|suggest))\.ts$/.test(id))
    return 'on-demand-validation';
  if (/\/src\/records\/(attempt-record-schema|migrations)\.ts$/.test(id)) return 'on-demand-validation';
  return undefined;
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: { output: { manualChunks: onDemandChunk } },
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
