// The engine's side of the e2e comparison: which choices make the best and the worst attempt in
// each scenario, and what the engine scores them. Runs in Node with the real engine.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '@/engine/format/content-hash';
import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { searchPaths } from '@/engine/lint/paths';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';

export interface ScenarioCase {
  file: string;
  scenario: Scenario;
  rubric: Rubric;
}

export interface Expected {
  overall: number;
  principles: Record<Principle, number | null>;
  passed: boolean;
  outcome: string | null;
}

const ROOT = process.cwd();

export function loadDefaultRubric(): Rubric {
  const loaded = loadRubric(readFileSync(join(ROOT, 'scenarios/rubrics/default.json'), 'utf8'));
  if (!loaded.ok) throw new Error(`default rubric does not load: ${loaded.diagnostics[0]?.message}`);
  return loaded.rubric;
}

/** Every scenario in scenarios/ at test time; files that do not load are reported, not played. */
export function scenarioCases(): { cases: ScenarioCase[]; broken: string[] } {
  const rubric = loadDefaultRubric();
  const cases: ScenarioCase[] = [];
  const broken: string[] = [];
  for (const name of readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = `scenarios/${name}`;
    const loaded = loadScenario(readFileSync(join(ROOT, file), 'utf8'));
    if (loaded.ok) cases.push({ file, scenario: loaded.scenario, rubric });
    else broken.push(file);
  }
  return { cases, broken };
}

// Searching every path takes seconds per scenario; the answer only changes with the content.
const CACHE = join(ROOT, 'node_modules/.cache/composure-e2e-paths.json');
type PathCache = Record<string, { best: string[]; worst: string[] }>;

function readCache(): PathCache {
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8')) as PathCache;
  } catch {
    return {};
  }
}

/** The best and the worst way through, by the engine's own path search. */
export function paths(c: ScenarioCase): { best: string[]; worst: string[] } {
  const key = `${contentHash(c.scenario)}:${contentHash(c.rubric)}`;
  const cache = readCache();
  const hit = cache[key];
  if (hit) return hit;
  const search = searchPaths(replay(c.scenario, c.rubric, [], { now: () => 0 }), 400_000);
  if (!search.best || !search.worst) throw new Error(`${c.file}: no complete path found`);
  const found = { best: search.best.choices, worst: search.worst.choices };
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify({ ...readCache(), [key]: found }));
  return found;
}

/** The engine's scores for these choices, rounded as the debrief shows them. */
export function expected(c: ScenarioCase, choices: string[]): Expected {
  const result = scoreSession(
    replay(
      c.scenario,
      c.rubric,
      choices.map((choice) => ({ choice })),
      { now: () => 0 },
    ),
  );
  const principles = Object.fromEntries(
    PRINCIPLES.map((p) => [
      p,
      result.principles[p].score === null ? null : Math.round(result.principles[p].score!),
    ]),
  ) as Record<Principle, number | null>;
  return { overall: Math.round(result.overall), principles, passed: result.passed, outcome: result.outcome };
}

/**
 * Before each choice: the turn and the node the customer is on. The number key is read from the
 * page, since every attempt shows the responses in its own shuffled order.
 */
export function keyPlan(
  c: ScenarioCase,
  choices: string[],
): Array<{ turn: number; node: string; choice: string }> {
  return choices.map((choice, i) => {
    const session = replay(
      c.scenario,
      c.rubric,
      choices.slice(0, i).map((id) => ({ choice: id })),
      { now: () => 0 },
    );
    const node = session.state.node;
    if (!c.scenario.nodes[node]?.responses?.some((r) => r.id === choice))
      throw new Error(`${c.file}: choice ${choice} is not offered at ${node}`);
    return { turn: i + 1, node, choice };
  });
}
