// Prints the gzip size of the JavaScript a trainee loads for library → play → debrief:
// the entry chunk plus every chunk reachable from it, except the review/author regions (lazy, for
// managers and trainers). Scenario files are content, not code, and are reported apart.
//
// Exits 1 when the trainee download is over budget, so `npm run build` fails with it.
// Usage: node scripts/bundle-size.mjs [dist] [--budget-kb N]   (the flag is for testing the check)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The one place the size budgets are named (KB, gzip -9). */
const BUDGETS = {
  /** Code for library → play → debrief: initial plus lazy chunks, without on-demand, worker or content. */
  traineeDownloadKB: 170,
};

const args = process.argv.slice(2);
const flag = args.indexOf('--budget-kb');
const budgetKB = flag >= 0 ? Number(args[flag + 1]) : BUDGETS.traineeDownloadKB;
if (!(budgetKB > 0)) {
  console.error(`bundle-size: --budget-kb needs a positive number of KB, got "${args[flag + 1]}"`);
  process.exit(2);
}
const positional = flag >= 0 ? [...args.slice(0, flag), ...args.slice(flag + 2)] : args;
const dist = positional[0] ?? 'dist';
// Regions for managers, trainers and administrators (Review, Author, LMS/LRS settings), never on a trainee's path.
const EXCLUDED = /^(review|author|lms)-/;

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bundle-size: ${dist}/index.html not found; run vite build first`);
  process.exit(1);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/.exec(html)?.[1];
if (!entry) {
  console.error('bundle-size: no module script in index.html');
  process.exit(1);
}

const dataNames = new Set(
  ['scenarios', 'scenarios/rubrics', 'test/fixtures/e2e']
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.json'))
        .map((f) => basename(f, '.json')),
    ),
);
const chunkName = (file) => basename(file).replace(/-[\w-]{8}\.js$/, '');
const isData = (file) => dataNames.has(chunkName(file));

const STATIC = /(?:\bfrom|\bimport)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
const DYNAMIC = /import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g;
// Web workers are emitted as `new Worker(new URL("/assets/x.js", import.meta.url))`.
const WORKER = /new Worker\(\s*new URL\(\s*["'`]\/?([^"'`]+\.js)["'`]/g;
const workers = new Set();

// A trainee's pages off the library → play → debrief path (My progress): loaded when opened, and
// reported apart with what they add.
const APART = /^progress-/;

const seen = new Map();
const apartStarts = [];
const staticFromEntry = new Set([entry]);
const queue = [entry];
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(join(dist, file), 'utf8');
  seen.set(file, gzipSync(code, { level: 9 }).length);
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const re of [STATIC, DYNAMIC]) {
    for (const m of code.matchAll(re)) {
      const target = dir + m[1].slice(2);
      if (re === STATIC && staticFromEntry.has(file)) staticFromEntry.add(target);
      if (APART.test(basename(target))) apartStarts.push(target);
      else if (!EXCLUDED.test(basename(target))) queue.push(target);
    }
  }
  for (const m of code.matchAll(WORKER)) {
    workers.add(m[1]);
    queue.push(m[1]);
  }
}

// What opening those pages adds: their chunks and whatever they import that the path above did not load.
const apart = new Map();
const apartQueue = [...apartStarts];
while (apartQueue.length) {
  const file = apartQueue.shift();
  if (apart.has(file) || seen.has(file)) continue;
  const code = readFileSync(join(dist, file), 'utf8');
  apart.set(file, gzipSync(code, { level: 9 }).length);
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const re of [STATIC, DYNAMIC])
    for (const m of code.matchAll(re)) {
      const target = dir + m[1].slice(2);
      if (!EXCLUDED.test(basename(target)) && !basename(target).startsWith('on-demand-'))
        apartQueue.push(target);
    }
}

const kb = (n) => (n / 1024).toFixed(1);
const rows = [...seen].sort((a, b) => b[1] - a[1]);
// The trainee's strings come as one chunk per language and a page fetches only the one it shows:
// the larger counts.
const isLanguage = (file) => basename(file).startsWith('locale-');
const language = Math.max(0, ...rows.filter(([f]) => isLanguage(f)).map(([, size]) => size));
let code = language;
let data = 0;
let worker = 0;
let onDemand = 0;
// Named in vite.config.ts: fetched only on a typed reply or to explain invalid input.
const isOnDemand = (file) => basename(file).startsWith('on-demand-');
console.log('\nJavaScript for library → play → debrief (gzip -9):');
for (const [file, size] of rows) {
  const kind =
    file === entry
      ? 'initial'
      : isLanguage(file)
        ? 'language'
        : isData(file)
          ? 'content'
          : workers.has(file)
            ? 'worker'
            : isOnDemand(file)
              ? 'on-demand'
              : 'lazy';
  if (kind === 'content') data += size;
  else if (kind === 'on-demand') onDemand += size;
  else if (kind === 'worker') worker += size;
  else if (kind !== 'language') code += size;
  console.log(`  ${kb(size).padStart(7)} KB  ${kind.padEnd(8)} ${file}`);
}
const initial = [...staticFromEntry].reduce((sum, f) => sum + (seen.get(f) ?? 0), 0);
console.log(`\n  initial (entry and its static imports): ${kb(initial)} KB`);
console.log(`  strings, one language:  ${kb(language)} KB  (the larger; counted in the routes' figure)`);
const over = code / 1024 > budgetKB;
console.log(
  `  code, all three routes: ${kb(code)} KB  (budget ≤ ${budgetKB} KB: ${over ? 'OVER' : 'within'})`,
);
const apartKB = [...apart.values()].reduce((a, b) => a + b, 0);
for (const [file, size] of apart) console.log(`  ${kb(size).padStart(7)} KB  page     ${file}`);
console.log(
  `  My progress page:       ${kb(apartKB)} KB  (its own route, loaded when opened; every trainee page: ${kb(code + apartKB)} KB)`,
);
console.log(
  `  on demand:              ${kb(onDemand)} KB  (free-text analyzer on the first typed reply; zod validation only for invalid input)`,
);
console.log(
  `  with a typed reply:     ${kb(code + (rows.find(([f]) => basename(f).startsWith('on-demand-free-text'))?.[1] ?? 0))} KB`,
);
const xapi = rows.find(([f]) => basename(f).startsWith('on-demand-xapi'))?.[1];
console.log(
  `  xAPI and outbox:        ${xapi === undefined ? 'not reachable' : `${kb(xapi)} KB`}  (on demand: fetched only when an LRS is configured; counted in "on demand")`,
);
console.log(`  debrief worker:         ${kb(worker)} KB  (model answers and "what if", off the main thread)`);
if (data > 0)
  console.log(
    `  scenario content as JS: ${kb(data)} KB  (loaded with the library; grows with the catalogue)`,
  );
// Scenario files are data served beside the app: the library fetches the index, Play one file.
const served = join(dist, 'scenarios');
if (existsSync(join(served, 'index.json'))) {
  const gz = (file) => gzipSync(readFileSync(join(served, file)), { level: 9 }).length;
  const files = readdirSync(served).filter((f) => f.endsWith('.json') && f !== 'index.json');
  const sizes = files.map(gz);
  console.log(
    `  catalogue index:        ${kb(gz('index.json'))} KB  (scenarios/index.json: all the library loads of ${files.length} scenarios)`,
  );
  console.log(
    `  one scenario, played:   ${kb(Math.max(0, ...sizes))} KB at most  (${kb(sizes.reduce((a, b) => a + b, 0))} KB for all ${files.length}; fetched when played)`,
  );
}
console.log('');

if (over) {
  console.error(
    `bundle-size: the trainee download is ${kb(code)} KB gzip, over the ${budgetKB} KB budget (BUDGETS in scripts/bundle-size.mjs).`,
  );
  process.exit(1);
}
