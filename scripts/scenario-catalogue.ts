// Serves the scenario files beside the app with their index, `scenarios/index.json` (the library
// reads only the index; a scenario's file is fetched when it is played). `vite build` writes them into
// dist/scenarios/; `vite` (dev) serves them from the folders and reloads the page when one changes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  CATALOGUE_INDEX_FORMAT,
  CATALOGUE_INDEX_VERSION,
  indexJson,
  summarize,
  type CatalogueIndex,
} from '../src/engine/format/catalogue-index';
import { pageSummaries } from '../src/engine/format/catalogue-page';
import { contentHash } from '../src/engine/format/content-hash';
import { loadScenario } from '../src/engine/load/load-scenario';

export interface CatalogueSource {
  dir: string;
  /** Where its files sit under scenarios/ ('' or e.g. 'e2e/'). */
  prefix: string;
}

export const RUBRIC_FILE = 'rubrics/default.json';

// The index's own files: a scenario file under one of these names would be hidden by them.
const INDEX_NAME = /^index(-\d+)?\.json$/;

/**
 * The index and every file it names (path under scenarios/ → text, the page files included), from the
 * source folders. index.json lists the first page of summaries and names the page files (index-2.json …).
 */
export function buildCatalogueFiles(
  sources: readonly CatalogueSource[],
  rubricPath: string,
): { index: CatalogueIndex; files: Map<string, string> } {
  const files = new Map<string, string>([[RUBRIC_FILE, readFileSync(rubricPath, 'utf8')]]);
  const index: CatalogueIndex = {
    format: CATALOGUE_INDEX_FORMAT,
    version: CATALOGUE_INDEX_VERSION,
    rubric: RUBRIC_FILE,
    scenarios: [],
    problems: [],
    unread: [],
    pages: [],
  };
  for (const { dir, prefix } of sources) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = `${prefix}${name}`;
      if (INDEX_NAME.test(file)) {
        index.problems.push({ file: `scenarios/${file}`, diagnostics: [reserved(file)] });
        continue;
      }
      const text = readFileSync(join(dir, name), 'utf8');
      files.set(file, text);
      const loaded = loadScenario(text);
      if (!loaded.ok) {
        index.problems.push({ file: `scenarios/${file}`, diagnostics: loaded.diagnostics });
        continue;
      }
      if (index.scenarios.some((s) => s.id === loaded.scenario.id)) {
        index.problems.push({
          file: `scenarios/${file}`,
          diagnostics: [
            {
              severity: 'error',
              code: 'E_DUPLICATE_ID',
              message: `another file already uses the scenario id '${loaded.scenario.id}'`,
              path: '/id',
              line: null,
              column: null,
            },
          ],
        });
        continue;
      }
      index.scenarios.push(summarize(loaded.scenario, file, contentHash(loaded.scenario)));
    }
  }
  const { first, pages } = pageSummaries(index.scenarios);
  for (const { file, page } of pages) files.set(file, JSON.stringify(page));
  return {
    index: { ...index, scenarios: first, pages: pages.map((p) => p.file) },
    files,
  };
}

function reserved(file: string) {
  return {
    severity: 'error' as const,
    code: 'E_DUPLICATE_ID' as const,
    message: `${file} is a name the catalogue index uses for itself: rename the scenario file`,
    path: '',
    line: null,
    column: null,
  };
}

export function scenarioCatalogue(): Plugin {
  let root = process.cwd();
  let mode = 'production';
  const sources = (): CatalogueSource[] => [
    { dir: resolve(root, 'scenarios'), prefix: '' },
    // Test-only scenarios (e.g. the XSS fixture) are served only in the e2e build.
    ...(mode === 'e2e' ? [{ dir: resolve(root, 'test/fixtures/e2e'), prefix: 'e2e/' }] : []),
  ];
  const build = () => buildCatalogueFiles(sources(), resolve(root, 'scenarios', RUBRIC_FILE));
  return {
    name: 'composure-scenario-catalogue',
    configResolved(config) {
      root = config.root;
      mode = config.mode;
    },
    generateBundle() {
      const { index, files } = build();
      // The scenario files, the rubric and the index's page files (index-2.json …).
      for (const [file, source] of files)
        this.emitFile({ type: 'asset', fileName: `scenarios/${file}`, source });
      this.emitFile({ type: 'asset', fileName: 'scenarios/index.json', source: indexJson(index) });
    },
    configureServer(server) {
      server.middlewares.use('/scenarios/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        const { index, files } = build();
        const body = path === 'index.json' ? indexJson(index) : files.get(path);
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
      // A trainer editing a file under scenarios/ sees it in the library without restarting.
      const folder = resolve(root, 'scenarios');
      server.watcher.add(folder);
      const reload = (file: string) => {
        if (file.startsWith(folder) && file.endsWith('.json')) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
