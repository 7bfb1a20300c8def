import { mulberry32 } from './bench-engine';
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { contentHash } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { currentNode, respond, start } from '@/engine/runtime/session';
import { sortRows, teamSummary } from '@/records/aggregate';
import { filterRows } from '@/records/row-filter';
import { buildAttemptRecord, type AttemptRecord } from '@/records/attempt-record';
import { listAttempts } from '@/records/attempts';
import { buildBundle } from '@/records/bundle';
import { importBundles } from '@/records/import-export';
import { configureStorage } from '@/records/storage';

// Generates a team's worth of attempts on the real scenarios, imports them through the real import
// path (validation, checksum, re-scoring, one transaction per bundle) into fake-indexeddb, then times
// the review's team summary and a filter over every row.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 86_400_000;

function loadContent(): {
  scenarios: Array<{ scenario: Scenario; hash: string }>;
  rubric: Rubric;
  rubricHash: string;
} {
  const rubricLoad = loadRubric(readFileSync(join(ROOT, 'scenarios/rubrics/default.json'), 'utf8'));
  if (!rubricLoad.ok) throw new Error('scenarios/rubrics/default.json does not load');
  const scenarios = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
      return loaded.ok ? [{ scenario: loaded.scenario, hash: contentHash(loaded.scenario) }] : [];
    });
  if (!scenarios.length) throw new Error('no loadable scenario in scenarios/');
  return { scenarios, rubric: rubricLoad.rubric, rubricHash: contentHash(rubricLoad.rubric) };
}

function playRandom(
  scenario: Scenario,
  rubric: Rubric,
  hash: string,
  rubricHash: string,
  random: () => number,
): AttemptRecord {
  let t = 0;
  let session = start(scenario, rubric, { locale: random() < 0.5 ? 'en' : 'zh-CN', now: () => (t += 1000) });
  for (let turn = 0; turn < 40 && session.state.status === 'active'; turn += 1) {
    const responses = currentNode(session)?.responses ?? [];
    const pick = responses[Math.floor(random() * responses.length)];
    if (!pick) break;
    session = respond(session, { choice: pick.id, msToAnswer: 1000 }).session;
  }
  const status = session.state.status === 'ended' ? 'finished' : 'abandoned';
  return buildAttemptRecord({
    trainee: { id: 'x', name: 'x' },
    session,
    scenarioHash: hash,
    rubricHash,
    status,
  });
}

/** `count` attempts on the real scenarios, as export bundles of `perBundle` attempts each. */
export function generateBundles(count: number, perBundle: number) {
  const { scenarios, rubric, rubricHash } = loadContent();
  const random = mulberry32(42);
  const templates = Array.from({ length: 400 }, (_, i) => {
    const entry = scenarios[i % scenarios.length]!;
    return playRandom(entry.scenario, rubric, entry.hash, rubricHash, random);
  });
  const trainees = Array.from({ length: 250 }, (_, i) => ({
    id: `e-${1000 + i}`,
    name: i % 3 ? `Trainee ${i}` : `学员${i}`,
  }));
  const since = Date.UTC(2026, 0, 1);

  const records: AttemptRecord[] = Array.from({ length: count }, () => {
    const template = templates[Math.floor(random() * templates.length)]!;
    const startedAt = since + Math.floor(random() * 300 * DAY);
    let at = startedAt;
    const turns = template.turns.map((turn) => {
      const ms = 1500 + Math.floor(random() * 20_000);
      at += ms;
      return { ...turn, at, msToAnswer: ms };
    });
    return {
      ...template,
      id: crypto.randomUUID(),
      trainee: trainees[Math.floor(random() * trainees.length)]!,
      startedAt,
      finishedAt: at + 2000,
      turns,
    };
  });
  const snapshot = {
    scenarios: Object.fromEntries(scenarios.map((s) => [s.hash, s.scenario])),
    rubrics: { [rubricHash]: rubric },
  };
  const files: Array<{ name: string; size: number; json: string }> = [];
  for (let i = 0; i < records.length; i += perBundle) {
    const json = JSON.stringify(buildBundle({ attempts: records.slice(i, i + perBundle), ...snapshot }));
    files.push({ name: `bundle-${i / perBundle}.json`, size: json.length, json });
  }
  return { files, scenarios, since };
}

export async function benchRecords(
  count = 100_000,
  perBundle = 10_000,
): Promise<{ importMs: number; aggregateMs: number; filterMs: number; records: number }> {
  const generated = generateBundles(count, perBundle);
  const { scenarios, since } = generated;
  const files = generated.files.map((f) => ({ name: f.name, size: f.size, text: async () => f.json }));

  await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
  let t0 = performance.now();
  const reports = await importBundles(files);
  const importMs = performance.now() - t0;
  const refused = reports.filter((r) => !r.ok);
  if (refused.length) throw new Error(`bench import refused: ${JSON.stringify(refused[0])}`);

  const rows = await listAttempts();
  t0 = performance.now();
  const summary = teamSummary(rows);
  const aggregateMs = performance.now() - t0;
  t0 = performance.now();
  const filtered = filterRows(rows, {
    scenarioId: scenarios[0]!.scenario.id,
    passed: false,
    from: since + 30 * DAY,
    to: since + 200 * DAY,
  });
  const filterMs = performance.now() - t0;
  t0 = performance.now();
  sortRows(filtered.length ? rows : [], 'overall', 'desc');
  const sortMs = performance.now() - t0;
  if (summary.attempts !== count) throw new Error(`expected ${count} rows, got ${summary.attempts}`);
  if (process.env.BENCH_VERBOSE)
    console.log({
      sortMs: Math.round(sortMs),
      filtered: filtered.length,
      verification: summary.verification,
    });
  return {
    importMs: Math.round(importMs),
    aggregateMs: Math.round(aggregateMs * 10) / 10,
    filterMs: Math.round(filterMs * 10) / 10,
    records: rows.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchRecords().then((result) => {
    console.log(JSON.stringify(result));
    const ok = result.aggregateMs <= 300 && result.filterMs <= 100;
    console.log(
      `aggregate ${result.aggregateMs} ms (target ≤ 300), filter ${result.filterMs} ms (target ≤ 100): ${ok ? 'within targets' : 'OVER TARGET'}`,
    );
    if (!ok) process.exitCode = 1;
  });
}
