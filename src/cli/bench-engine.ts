// The engine's speed figures on a synthetic 10,000-node scenario (3 responses a node, mood effects,
// conditions). Printed by `npm run bench`; targets: load+validate+lint ≤ 150 ms, a respond ≤ 20 µs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintScenario } from '../engine/lint/lint-scenario';
import { loadRubric } from '../engine/load/load-rubric';
import { loadScenario } from '../engine/load/load-scenario';
import { respond, start } from '../engine/runtime/session';
import type { Session } from '../engine/runtime/types';

/** Deterministic PRNG so every run measures the same document. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

export function benchEngine() {
  const rubricText = readFileSync(
    fileURLToPath(new URL('../../scenarios/rubrics/default.json', import.meta.url)),
    'utf8',
  );
  const rubricLoad = loadRubric(rubricText);
  if (!rubricLoad.ok) throw new Error('default rubric is invalid');
  const rubric = rubricLoad.rubric;
  const text = syntheticScenario(10_000, Object.keys(rubric.rules));

  const runs: number[] = [];
  let report: ReturnType<typeof lintScenario> | null = null;
  let session: Session | null = null;
  // Two warm-up runs first (JIT compilation), then seven measured ones.
  for (let i = 0; i < 9; i += 1) {
    const t0 = performance.now();
    const loaded = loadScenario(text);
    if (!loaded.ok)
      throw new Error(`synthetic scenario invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
    report = lintScenario(loaded.scenario, rubric, { sourceMap: loaded.sourceMap, searchBudget: 500 });
    if (i >= 2) runs.push(performance.now() - t0);
    session = start(loaded.scenario, rubric, { now: () => 0 });
  }
  runs.sort((a, b) => a - b);

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
    loadLintMedianMs: runs[Math.floor(runs.length / 2)]!,
    loadLintMinMs: runs[0]!,
    lintExact: report!.bounds.exact,
    respondUs: stepUs,
    steps: STEPS,
    restarts,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
