import type { Outcome, Principle } from '@/engine/format/ids';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { lintScenario, type LintReport } from '@/engine/lint/lint-scenario';
import type { PathResult } from '@/engine/lint/paths';
import { checkReferences, type Locate } from '@/engine/load/check-references';
import { hasErrors, type Diagnostic } from '@/engine/load/diagnostic';
import { loadScenario } from '@/engine/load/load-scenario';
import { replay } from '@/engine/runtime/session';
import { findSyntaxCause, type SyntaxCause } from './author-syntax';

// The Author view's check: load (located diagnostics) then lint (graph, proven score bounds).
// Runs in author-worker.ts, or on the page where workers are missing; only plain data comes out.

export interface PathStep {
  node: string;
  responseId: string;
}

export interface PathSummary {
  steps: PathStep[];
  overall: number;
  passed: boolean;
  outcome: Outcome | null;
}

export interface AuthorSummary {
  stats: LintReport['stats'];
  exact: boolean;
  overall: { best: number; worst: number };
  principles: Record<Principle, { best: number | null; worst: number | null }>;
  best: PathSummary | null;
  worst: PathSummary | null;
}

export interface AuthorCheck {
  /** Errors block the preview; warnings and info do not. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The loaded scenario when it has no load errors (lint errors may still keep `ok` false). */
  scenario: Scenario | null;
  /** Present when the scenario loaded; bounds are only meaningful when `ok`. */
  summary: AuthorSummary | null;
  /** For text that is not JSON: the likely cause in the trainer's terms, when one is recognised. */
  syntax: SyntaxCause | null;
}

const bySeverity = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by position; diagnostics without a position keep their order at the end of their group. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        bySeverity[a.d.severity] - bySeverity[b.d.severity] ||
        (a.d.line ?? Infinity) - (b.d.line ?? Infinity) ||
        (a.d.column ?? 0) - (b.d.column ?? 0) ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}

function pathSummary(scenario: Scenario, rubric: Rubric, path: PathResult | null): PathSummary | null {
  if (!path) return null;
  const session = replay(
    scenario,
    rubric,
    path.choices.map((choice) => ({ choice })),
    { now: () => 0 },
  );
  return {
    steps: session.state.turns.map((turn, i) => ({ node: turn.node, responseId: path.choices[i] ?? '' })),
    overall: path.result.overall,
    passed: path.result.passed,
    outcome: path.result.outcome,
  };
}

/**
 * The loader stops at the first failing stage: schema errors hide the references that do not
 * resolve. The trainer should see all of them in one round, so references are also checked on the
 * parsed text as it is, when that can be done at all (a shape the check cannot walk is skipped).
 */
function referencesDespiteSchema(text: string, loaded: { diagnostics: Diagnostic[] }, locate: Locate) {
  if (loaded.diagnostics.some((d) => d.line === null || /^E_(JSON_SYNTAX|TOO_|NOT_OBJECT)/.test(d.code)))
    return [];
  try {
    const raw = JSON.parse(text) as Scenario;
    if (typeof raw.nodes !== 'object' || raw.nodes === null) return [];
    const seen = new Set(loaded.diagnostics.map((d) => `${d.code} ${d.path}`));
    return checkReferences(raw, locate).filter((d) => !seen.has(`${d.code} ${d.path}`));
  } catch {
    return [];
  }
}

export function runAuthorCheck(text: string, rubric: Rubric): AuthorCheck {
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    const syntax = loaded.diagnostics.some((d) => d.code === 'E_JSON_SYNTAX') ? findSyntaxCause(text) : null;
    const map = loaded.sourceMap;
    const more = map ? referencesDespiteSchema(text, loaded, (path) => map.locate(path)) : [];
    const diagnostics = sortDiagnostics([...loaded.diagnostics, ...more]);
    return { ok: false, diagnostics, scenario: null, summary: null, syntax };
  }
  // The trainers' checklist too (fewer than 8 decisions, a principle never exercised, …): a draft is
  // a library scenario in the making.
  const report = lintScenario(loaded.scenario, rubric, { sourceMap: loaded.sourceMap, checklist: true });
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...report.diagnostics]);
  const ok = !hasErrors(diagnostics);
  return {
    ok,
    diagnostics,
    scenario: loaded.scenario,
    syntax: null,
    summary: {
      stats: report.stats,
      exact: report.bounds.exact,
      overall: report.bounds.overall,
      principles: report.bounds.principles,
      best: ok ? pathSummary(loaded.scenario, rubric, report.best) : null,
      worst: ok ? pathSummary(loaded.scenario, rubric, report.worst) : null,
    },
  };
}
