import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINCIPLES } from '@/engine/format/ids';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';

/**
 * One fixture per format feature in test/fixtures/engine/: a scenario, inputs, and what must follow.
 * The fixtures are plain JSON so a trainer can read them as worked examples of the format.
 */
interface Case {
  inputs: string[];
  locale?: string;
  expect: {
    status?: string;
    node?: string;
    ending?: string;
    route?: string[];
    flags?: string[];
    promises?: Record<string, string>;
    mood?: { anger: number; trust: number };
    evidence?: Array<Record<string, unknown>>;
    scores?: Record<string, number>;
    passed?: boolean;
    critical?: string[];
    quote?: string;
  };
}

const dir = new URL('../fixtures/engine/', import.meta.url);
const rubricLoad = loadRubric(readFileSync(new URL('rubric.json', dir), 'utf8'));
if (!rubricLoad.ok) throw new Error(JSON.stringify(rubricLoad.diagnostics));
const rubric = rubricLoad.rubric;
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'rubric.json')
  .map((file) => ({
    file,
    ...(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
      description: string;
      scenario: unknown;
      cases: Case[];
    }),
  }));

describe.each(fixtures)('$file: $description', ({ scenario: raw, cases }) => {
  const loaded = loadScenario(raw);
  it('loads', () => expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));
  if (!loaded.ok) return;
  it.each(cases)('after $inputs', ({ inputs, locale, expect: want }) => {
    const session = replay(
      loaded.scenario,
      rubric,
      inputs.map((choice) => ({ choice })),
      { now: () => 0, ...(locale ? { locale } : {}) },
    );
    const { state } = session;
    const result = scoreSession(session);
    if (want.status) expect(state.status).toBe(want.status);
    if (want.node) expect(state.node).toBe(want.node);
    if (want.ending) expect(state.ending?.outcome).toBe(want.ending);
    if (want.route) expect(state.turns.at(-1)?.route).toEqual(want.route);
    if (want.flags) expect(state.flags).toEqual(want.flags);
    if (want.promises)
      expect(Object.fromEntries(state.promises.map((p) => [p.id, p.status]))).toEqual(want.promises);
    if (want.mood) expect(state.mood).toEqual(want.mood);
    for (const e of want.evidence ?? []) expect(result.evidence).toContainEqual(expect.objectContaining(e));
    for (const [key, value] of Object.entries(want.scores ?? {})) {
      expect(
        key === 'overall' ? result.overall : result.principles[key as (typeof PRINCIPLES)[number]].score,
        key,
      ).toBe(value);
    }
    if (want.passed !== undefined) expect(result.passed).toBe(want.passed);
    if (want.critical) expect(result.critical.map((e) => e.rule)).toEqual(want.critical);
    if (want.quote) expect(state.turns[0]?.evidence[0]?.quote).toBe(want.quote);
  });
});
