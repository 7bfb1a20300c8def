/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { scenarioCatalogue } from './scripts/scenario-catalogue';

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
  /\/node_modules\/(zod|jsonc-parser)\/|\/src\/engine\/format\/((scenario|rubric|localized-text)-schema|condition|json-schema|zod-limits)\.ts$|\/src\/engine\/load\/(load-scenario|load-rubric|load-document|zod-issues|source-map|locate-many)\.ts$|\/src\/records\/(attempt-record-schema|migrations)\.ts$/;
// lrs-bundle.ts (statements into an import bundle, with zod) is Review's: it stays out of the chunk a
// trainee's browser fetches to send statements.
const XAPI =
  /\/src\/records\/(xapi\/(?!lrs-bundle\.ts$)|outbox\/|duration\.ts$)|\/src\/state\/(lrs-(bridge|config|outbox|store)|cmi5-launch)\.ts$/;
const RECOVERY =
  /\/src\/records\/memory-backend\.ts$|\/src\/state\/(abandon-draft|play-drafts|play-recovery|tab-lock-broadcast|unsaved-file)\.ts$|\/src\/features\/play\/storage-trouble\.tsx$/;
const VENDOR =
  /\/node_modules\/(react|react-dom|scheduler|i18next|react-i18next|zustand|use-sync-external-store)\//;
const NESTED = /\/node_modules\/.+\/node_modules\/|\/use-sync-external-store\/.*with-selector/;
const onDemandChunks = {
  includeDependenciesRecursively: false,
  groups: [
    // The analyzer and where a typed reply fits among the authored responses (its reading).
    {
      name: 'on-demand-free-text',
      test: /\/src\/engine\/text\/|\/src\/engine\/runtime\/place-reply\.ts$/,
      priority: 20,
    },
    // xAPI statements, the outbox and the LRS client: fetched only when an LRS is configured.
    { name: 'on-demand-xapi', test: XAPI, priority: 30 },
    { name: 'on-demand-validation', test: VALIDATION, priority: 10 },
    // The searches behind model answers and "what if": the worker has its own copy, so the page loads
    // these only in a browser without workers (and the Author view, for its lint). The plausibility
    // checks go with them: a trainee's page never runs them itself (Review does).
    {
      name: 'on-demand-engine-tasks',
      test: /\/src\/state\/engine-tasks\.ts$|\/src\/engine\/lint\/|\/src\/records\/plausibility\.ts$/,
      priority: 15,
    },
    // Storage's rare paths: the memory fallback (no IndexedDB), sorting out drafts a visit finds
    // (resume, another tab's, one left behind), tab ownership where the browser has no Web Locks, an
    // attempt that could not be stored (what Play shows for it, and its file).
    { name: 'on-demand-recovery', test: RECOVERY, priority: 25 },
    // Import and export of bundles: Review's, also used to load attempts from an LRS. Never a trainee's.
    {
      name: 'review-bundles',
      test: /\/src\/records\/(import-export|bundle|xapi\/lrs-bundle)\.ts$/,
      priority: 5,
    },
    // The libraries every page needs, in one chunk the entry imports: left to itself the bundler
    // spreads them over several small shared chunks, which gzip worse (about 2 KB more).
    {
      name: 'vendor',
      // Only the app's own copies: a library's nested copy (the graph's zustand 4 and the selector shim
      // it needs) stays with the Author view that loads it.
      test: (id: string) => VENDOR.test(id) && !NESTED.test(id),
      priority: 50,
    },
    // Voice for phone calls (off by default): speaking and listening load when a trainee turns it on.
    // The switch and its strings load with a phone call (voice-mount.tsx).
    {
      name: 'on-demand-voice',
      test: /\/src\/features\/play\/voice-(speaker|reply|speech|recognition)\.tsx?$/,
      priority: 35,
    },
    // Scenarios added in this browser (published from the Author view or imported in the Library): the
    // store, the import and publish checks with their list of problems, and the strings of the import panel and the browser's
    // section, per language. Fetched only when a trainer adds one or the library holds some.
    {
      name: 'on-demand-browser-library',
      test: /\/src\/state\/(browser-library|scenario-pack)\.ts$|\/src\/ui\/located-problems\.tsx$/,
      priority: 26,
    },
    // Saving a file (exports, bundles, published scenarios): no trainee page does it on its way.
    { name: 'on-demand-save-file', test: /\/src\/state\/save-file\.ts$/, priority: 26 },
    // The store alone: listing and playing scenarios added here needs neither the checks nor zod.
    { name: 'on-demand-browser-store', test: /\/src\/state\/published-scenarios\.ts$/, priority: 26 },
    // The index's page files (index-2.json …): read only in a library of more than one page.
    {
      name: 'on-demand-catalogue-pages',
      test: /\/src\/(state\/catalogue-pages|engine\/format\/catalogue-page)\.ts$/,
      priority: 26,
    },
    {
      name: (id: string) => {
        const language = /\/locales-lazy\/([^/]+)\/library-added\.json$/.exec(id)?.[1];
        return language ? `on-demand-library-strings-${language}` : null;
      },
      debugName: 'on-demand-library-strings',
      test: /\/src\/i18n\/locales-lazy\/[^/]+\/library-added\.json$/,
      priority: 41,
    },
    // A trainee's strings, one chunk per language: the page fetches only the one it shows
    // (src/i18n/i18n.ts); scripts/bundle-size.mjs counts the larger of the two.
    { name: 'locale-en', test: /\/src\/i18n\/locales\/en\//, priority: 40 },
    { name: 'locale-zh-CN', test: /\/src\/i18n\/locales\/zh-CN\//, priority: 40 },
    {
      name: 'trainee-shared',
      test: /\/src\/(engine|records|state|ui)\/|\/node_modules\/idb\//,
      minShareCount: 2,
      priority: 1,
    },
  ],
};

/**
 * The Content-Security-Policy of the built app, as a meta tag: scripts, styles and workers only from
 * the app's own origin, no plugins, no <base>. The dev server is left without it (its hot reload
 * injects inline scripts). A host can send the same policy as a header, with `frame-ancestors`
 * (which a meta tag cannot set): see "Deploying" in README.md.
 *
 * `connect-src` adds what the LRS needs: its endpoint is set at run time (the LMS page or a cmi5
 * launch), so any HTTPS origin; the e2e build adds plain HTTP on loopback, where its test LRS runs.
 * `COMPOSURE_CONNECT_SRC` at build time replaces it, e.g. "'self' https://lrs.example.com".
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'";

export function connectSources(mode: string, env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.COMPOSURE_CONNECT_SRC?.trim();
  if (pinned && /[;,]/.test(pinned))
    throw new Error(`COMPOSURE_CONNECT_SRC lists sources only, without ";" or ",": ${pinned}`);
  if (pinned) return pinned;
  return mode === 'e2e' ? "'self' https: http://127.0.0.1:* http://localhost:*" : "'self' https:";
}

function contentSecurityPolicy(): Plugin {
  let mode = 'production';
  return {
    name: 'composure-csp',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: `${CONTENT_SECURITY_POLICY}; connect-src ${connectSources(mode)}`,
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** zod's global configuration, which it reads from globalThis when its core module first runs. */
const ZOD_CORE = /\/node_modules\/zod\/v4\/core\/core\.js$/;

/**
 * zod compiles fast parsers with `new Function` after probing whether eval is allowed; under
 * `script-src 'self'` the probe is refused and reported as a violation. `jitless` skips both. The
 * flag is set where zod itself starts, so it holds on the page and in the workers alike.
 */
function zodWithoutEval(): Plugin {
  let patched = false;
  return {
    name: 'composure-zod-jitless',
    apply: 'build',
    transform(code, id) {
      if (!ZOD_CORE.test(id)) return null;
      patched = true;
      return { code: `(globalThis.__zod_globalConfig ??= {}).jitless = true;\n${code}`, map: null };
    },
    generateBundle(_, bundle) {
      const bundlesZod = Object.values(bundle).some(
        (chunk) =>
          chunk.type === 'chunk' && Object.keys(chunk.modules).some((m) => m.includes('/node_modules/zod/')),
      );
      if (bundlesZod && !patched)
        this.error('zod is bundled but its core module was not found to make it jitless (see ZOD_CORE)');
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), zodWithoutEval(), scenarioCatalogue()],
  worker: { plugins: () => [zodWithoutEval()] },
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
