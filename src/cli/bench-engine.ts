// The engine's speed figures on a synthetic 10,000-node scenario (3 responses a node, mood effects,
// conditions). Printed by `npm run bench`. Targets: load + validate + lint within 2.5× the floor
// (JSON.parse plus one reachability pass over the same text, measured in the same process,
// interleaved with the engine's runs), and a respond ≤ 20 µs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEFAULT_SEARCH_BUDGET, lintScenario, type LintReport } from '../engine/lint/lint-scenario';
import { loadRubric } from '../engine/load/load-rubric';
import { loadScenario } from '../engine/load/load-scenario';
import { respond, start } from '../engine/runtime/session';
import type { Session } from '../engine/runtime/types';

import { mulberry32 } from '../engine/seeded-random';

// The engine's one seeded generator, so every run measures the same document (bench-records uses it too).
export { mulberry32 };

export function syntheticScenario(nodes: number, ruleIds: readonly string[], seed = 7): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const doc: Record<string, unknown> = {
    schemaVersion: 1,
    id: 'synthetic',
    version: 1,
    locales: ['zh-CN', 'en'],
    title: { 'zh-CN': '合成场景', en: 'Synthetic' },
    brief: { 'zh-CN': '基准测试', en: 'Benchmark' },
    channel: 'phone',
    customer: {
      name: { 'zh-CN': '测试', en: 'Test' },
      persona: 'victim',
      temperament: 'impatient',
      mood: { anger: 60, trust: 40 },
    },
    start: 'n0',
  };
  const endingsFrom = nodes - 1;
  const body: Record<string, unknown> = {};
  for (let i = 0; i < nodes; i += 1) {
    // One node in ten is an ending, so a conversation lasts ten-odd turns, as real ones do.
    if (i >= endingsFrom || i % 10 === 9) {
      body[`n${i}`] = {
        ending: {
          outcome: pick(['loyal', 'resolved', 'customer-lost'] as const),
          say: { 'zh-CN': '再见', en: 'Bye' },
        },
      };
      continue;
    }
    const target = () => `n${Math.min(nodes - 1, i + 1 + Math.floor(random() * 12))}`;
    body[`n${i}`] = {
      say: { 'zh-CN': `第${i}句`, en: `Line ${i}` },
      ...(i % 5 === 0
        ? {
            when: [
              {
                if: { any: [{ anger: { gte: 97 } }, { all: [{ flag: 'f1' }, { trust: { lt: 3 } }] }] },
                next: `n${nodes - 1}`,
              },
            ],
          }
        : {}),
      responses: [0, 1, 2].map((k) => ({
        id: `r${k}`,
        text: { 'zh-CN': `回答${k}`, en: `Answer ${k}` },
        rules: { [pick(ruleIds)]: k === 2 ? -1 : 1 },
        mood: { anger: Math.round(random() * 20 - 10), trust: Math.round(random() * 20 - 10) },
        ...(k === 0 && i % 7 === 0 ? { set: ['f1'] } : {}),
        // The first response leads to the next node (every tenth is an ending, so calls last ten-odd
        // turns); the second jumps a decade ending's way, or past it into the next decade, so every
        // node is reachable; the third goes anywhere a little ahead.
        next:
          k === 0
            ? `n${i + 1}`
            : k === 1
              ? `n${Math.min(nodes - 1, i % 10 === 8 ? i + 2 : i - (i % 10) + 9)}`
              : target(),
      })),
    };
  }
  return JSON.stringify({ ...doc, nodes: body });
}

/**
 * The floor no loader can beat: JSON.parse, then one pass over every node reachable from `start`
 * (each response, branch and `otherwise`). Returns how many nodes it reached.
 */
export function parseAndReach(text: string): number {
  type Node = { responses?: Array<{ next: string }>; when?: Array<{ next: string }>; otherwise?: string };
  const doc = JSON.parse(text) as { start: string; nodes: Record<string, Node> };
  const seen = new Set<string>([doc.start]);
  const stack = [doc.start];
  const reach = (next: string) => {
    if (!seen.has(next)) {
      seen.add(next);
      stack.push(next);
    }
  };
  while (stack.length > 0) {
    const node = doc.nodes[stack.pop()!];
    if (!node) continue;
    for (const r of node.responses ?? []) reach(r.next);
    for (const b of node.when ?? []) reach(b.next);
    if (node.otherwise !== undefined) reach(node.otherwise);
  }
  return seen.size;
}

/** The search budget the bench ran before it measured what users get; reported beside it. */
export const OLD_BENCH_BUDGET = 500;

/**
 * A full collection before each measured task, so none pays for the garbage the one before it left
 * (the floor and the engine alike). `--expose-gc` set at run time: `npm run bench` needs no flag.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const WARM_UPS = 2;
const RUNS = 9;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface EngineFigures {
  budget: number;
  /** Median of the measured runs, load + validate + lint, ms. */
  medianMs: number;
  loadMs: number;
  lintMs: number;
  /** Median over rounds of this run's time divided by the floor's in the same round. */
  ratio: number;
  exact: boolean;
  bounds: LintReport['bounds'];
  paths: string;
}

export function benchEngine() {
  const rubricText = readFileSync(
    fileURLToPath(new URL('../../scenarios/rubrics/default.json', import.meta.url)),
    'utf8',
  );
  const rubricLoad = loadRubric(rubricText);
  if (!rubricLoad.ok) throw new Error('default rubric is invalid');
  const rubric = rubricLoad.rubric;
  const text = syntheticScenario(10_000, Object.keys(rubric.rules));

  const budgets = [DEFAULT_SEARCH_BUDGET, OLD_BENCH_BUDGET];
  const floor: number[] = [];
  const runs = budgets.map(() => ({ total: [] as number[], load: [] as number[], lint: [] as number[] }));
  const reports: Array<LintReport | null> = budgets.map(() => null);
  let session: Session | null = null;
  const gc = collector();
  // Interleaved: each round measures the floor and every engine run back to back, so a machine
  // that slows down or speeds up moves them together; the order rotates so none always goes first.
  for (let round = 0; round < WARM_UPS + RUNS; round += 1) {
    const tasks = [-1, ...budgets.keys()];
    for (let k = 0; k < tasks.length; k += 1) {
      const task = tasks[(k + round) % tasks.length]!;
      gc();
      const t0 = performance.now();
      if (task < 0) {
        if (parseAndReach(text) !== 10_000) throw new Error('synthetic scenario: not every node reachable');
        if (round >= WARM_UPS) floor.push(performance.now() - t0);
        continue;
      }
      const loaded = loadScenario(text);
      const t1 = performance.now();
      if (!loaded.ok)
        throw new Error(`synthetic scenario invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
      reports[task] = lintScenario(loaded.scenario, rubric, {
        sourceMap: loaded.sourceMap,
        searchBudget: budgets[task],
      });
      const t2 = performance.now();
      if (round >= WARM_UPS) {
        runs[task]!.total.push(t2 - t0);
        runs[task]!.load.push(t1 - t0);
        runs[task]!.lint.push(t2 - t1);
      }
      session ??= start(loaded.scenario, rubric, { now: () => 0 });
    }
  }
  const engine = budgets.map((budget, i): EngineFigures => {
    const report = reports[i]!;
    return {
      budget,
      medianMs: median(runs[i]!.total),
      loadMs: median(runs[i]!.load),
      lintMs: median(runs[i]!.lint),
      ratio: median(runs[i]!.total.map((t, round) => t / floor[round]!)),
      exact: report.bounds.exact,
      bounds: report.bounds,
      paths: `${report.stats.pathsCounted ? '' : 'over '}${report.stats.paths}`,
    };
  });

  const random = mulberry32(11);
  const first = session!;
  let current = first;
  const STEPS = 100_000;
  let restarts = 0;
  const t1 = performance.now();
  for (let i = 0; i < STEPS; i += 1) {
    if (current.state.status === 'ended') {
      current = first;
      restarts += 1;
    }
    const responses = current.scenario.nodes[current.state.node]!.responses!;
    current = respond(current, { choice: responses[Math.floor(random() * responses.length)]!.id }).session;
  }
  const stepUs = ((performance.now() - t1) * 1000) / STEPS;
  return {
    bytes: text.length,
    floorMs: median(floor),
    runs: RUNS,
    engine,
    respondUs: stepUs,
    steps: STEPS,
    restarts,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const describeBounds = (b: LintReport['bounds']) =>
  [`overall ${b.overall.worst}–${b.overall.best}`]
    .concat(Object.entries(b.principles).map(([p, v]) => `${p} ${v.worst ?? '–'}–${v.best ?? '–'}`))
    .join(', ');

/** Prints the engine's figures, each beside its target, with `line(label, value, target)`. */
export function reportEngine(line: (label: string, value: string, target: string) => void) {
  const figures = benchEngine();
  console.log(
    `engine: synthetic 10,000-node scenario, ${(figures.bytes / 1e6).toFixed(1)} MB of JSON; ` +
      `medians of ${figures.runs} interleaved rounds after ${WARM_UPS} warm-ups`,
  );
  line('floor: JSON.parse + reachability, same process', `${figures.floorMs.toFixed(1)} ms`, 'report');
  for (const e of figures.engine) {
    const whose = e.budget === DEFAULT_SEARCH_BUDGET ? "lint's default" : 'the old bench';
    line(
      `load + validate + lint, search budget ${e.budget.toLocaleString('en')}`,
      `${e.medianMs.toFixed(1)} ms`,
      `≤ ${(2.5 * figures.floorMs).toFixed(0)} ms, 2.5 × floor`,
    );
    line(`  ratio to the floor (${whose})`, `${e.ratio.toFixed(2)}×`, '≤ 2.5×');
    console.log(
      `  (load ${e.loadMs.toFixed(1)} ms, lint ${e.lintMs.toFixed(1)} ms; ${e.paths} paths; bounds ` +
        `${e.exact ? 'exact' : 'approximate, flagged I_BOUNDS_APPROXIMATE'}: ${describeBounds(e.bounds)})`,
    );
  }
  const [real, old] = figures.engine;
  if (real && old)
    console.log(
      JSON.stringify(real.bounds) === JSON.stringify(old.bounds)
        ? '  both budgets find the same bounds'
        : '  the two budgets find different bounds (above)',
    );
  line(
    `respond, mean over ${figures.steps.toLocaleString('en')} steps`,
    `${figures.respondUs.toFixed(2)} µs`,
    '≤ 20 µs',
  );
  line('peak memory (max RSS of the bench process)', `${figures.peakRssMb.toFixed(0)} MB`, 'report');
}
