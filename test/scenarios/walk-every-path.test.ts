import { describe, expect, it } from 'vitest';
import { PRINCIPLES } from '@/engine/format/ids';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { searchPaths } from '@/engine/lint/paths';
import { replay, start } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { loadLibrary } from './load-library';

const { rubric, scenarios } = loadLibrary();

describe.each(scenarios)('every path of $file', ({ scenario }) => {
  it('ends, stays within the linted bounds and equals its replay', () => {
    const report = lintScenario(scenario, rubric);
    expect(report.bounds.exact).toBe(true);
    const within = (value: number, bounds: { best: number | null; worst: number | null }) =>
      value >= bounds.worst! && value <= bounds.best!;
    let index = 0;
    let replayed = 0;
    let outOfBounds = 0;
    let mismatches = 0;
    // Replaying every path of a large scenario is slow on 2 cores; a fixed stride still covers all branches' shapes.
    const stride = Math.max(1, Math.floor(report.stats.paths / 4000));
    const search = searchPaths(start(scenario, rubric, { now: () => 0 }), undefined, (path) => {
      const r = path.result;
      if (r.outcome === null || !within(r.overall, report.bounds.overall)) outOfBounds += 1;
      for (const p of PRINCIPLES)
        if (r.principles[p].score !== null && !within(r.principles[p].score!, report.bounds.principles[p]))
          outOfBounds += 1;
      if (index++ % stride === 0) {
        const again = scoreSession(
          replay(
            scenario,
            rubric,
            path.choices.map((choice) => ({ choice })),
            { now: () => 0 },
          ),
        );
        if (JSON.stringify(again) !== JSON.stringify(r)) mismatches += 1;
        replayed += 1;
      }
    });
    expect(search.exact).toBe(true);
    if (report.stats.pathsCounted) expect(search.paths).toBe(report.stats.paths);
    // The linter proves its bounds by branch and bound; walking every path must find the same ones.
    expect(search.bounds.overall).toEqual(report.bounds.overall);
    expect(search.bounds.principles).toEqual(report.bounds.principles);
    expect(outOfBounds).toBe(0);
    expect(mismatches).toBe(0);
    expect(replayed).toBeGreaterThan(Math.min(report.stats.paths, 4000) - 1);
  }, 300_000); // tens of thousands of paths: minutes on a busy 2-core machine
});
