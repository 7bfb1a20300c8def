import type { Condition } from '../format/condition';
import { type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { diag, toPointer, type Diagnostic, type DiagnosticCode } from '../load/diagnostic';
import type { SourceMap } from '../load/source-map';
import { didYouMean } from '../load/suggest';
import { automaticCycles, buildGraph, reachable, trappedNodes } from './graph';
import { countPaths, type PathResult } from './paths';
import { optimise } from './optimise';
import { start } from '../runtime/session';
import { PRINCIPLES } from '../format/ids';
import { checkTranslations } from './translations';
import { playNaiveStrategies, type StrategyResult } from './guessability';
import { sayProblems } from './say-lines';
import { textProblems } from './texts';

export interface LintReport {
  diagnostics: Diagnostic[];
  /** `paths` counts complete paths up to a budget; `pathsCounted` is false when there are more. */
  stats: {
    nodes: number;
    decisions: number;
    endings: number;
    outcomes: string[];
    bestPathDecisions: number;
    paths: number;
    pathsCounted: boolean;
  };
  bounds: {
    exact: boolean;
    overall: { best: number; worst: number };
    principles: Record<Principle, { best: number | null; worst: number | null }>;
  };
  best: PathResult | null;
  worst: PathResult | null;
  /** How naive strategies score: a passing one means guessing earns the pass mark. */
  strategies: StrategyResult[];
}

export interface LintOptions {
  sourceMap?: SourceMap | null;
  /** Respond calls the score search may make; past it, bounds are marked approximate. */
  searchBudget?: number;
  /** Seeded random plays for the guessability check (0 skips random play). */
  randomRuns?: number;
}

/** Graph analysis of a loaded scenario: structure, content, and best/worst reachable scores. */
export function lintScenario(scenario: Scenario, rubric: Rubric, options: LintOptions = {}): LintReport {
  const out: Diagnostic[] = [];
  const add = (code: DiagnosticCode, message: string, path: Array<string | number>, hint?: string) =>
    out.push(diag(code, message, toPointer(path), options.sourceMap?.locate(path) ?? null, hint));
  const graph = buildGraph(scenario);
  const reached = reachable(graph, [graph.index.get(scenario.start)!]);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (reached[graph.index.get(id)!]) continue;
    if (node.ending) add('W_UNREACHABLE_ENDING', `ending '${id}' can never be reached`, ['nodes', id]);
    else
      add('W_UNREACHABLE_NODE', `node '${id}' can never be reached from '${scenario.start}'`, ['nodes', id]);
  }
  for (const i of trappedNodes(graph)) {
    const id = graph.ids[i]!;
    if (reached[i])
      add('E_NO_EXIT', `from node '${id}' no ending can be reached: the conversation would loop forever`, [
        'nodes',
        id,
      ]);
  }
  for (const cycle of automaticCycles(graph)) {
    add('E_AUTO_LOOP', `automatic branches loop without a trainee turn: ${cycle.join(' → ')}`, [
      'nodes',
      cycle[0]!,
    ]);
  }
  const translations = checkTranslations(scenario);
  for (const { path, missing } of translations.missing)
    add('W_MISSING_TRANSLATION', `no ${missing.join(', ')} text here`, path);
  for (const { path, locale } of translations.undeclared) {
    add(
      'W_UNDECLARED_LOCALE',
      `text in '${locale}', which the scenario's locales do not declare`,
      path,
      didYouMean(locale, scenario.locales),
    );
  }
  for (const p of [...textProblems(scenario), ...sayProblems(scenario, rubric)])
    add(p.code, p.message, p.path, 'hint' in p ? p.hint : undefined);
  const ruleIds = Object.keys(rubric.rules);
  const flagsSet = new Set<string>();
  const promisesMade = new Set<string>();
  const promisesKept = new Set<string>();
  // An over-promise is made to be broken: nothing need keep it.
  const honestPromises = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    for (const r of node.responses ?? []) {
      r.set?.forEach((f) => flagsSet.add(f));
      if (r.promise) promisesMade.add(r.promise.id);
      if (r.promise && !((r.rules?.['resolution.no-overpromise'] ?? 0) < 0)) honestPromises.add(r.promise.id);
      r.keep?.forEach((p) => promisesKept.add(p));
    }
  }
  for (const id in scenario.nodes) {
    const node = scenario.nodes[id]!;
    node.responses?.forEach((r, i) => {
      for (const rule in r.rules) {
        if (!rubric.rules[rule])
          add(
            'E_UNKNOWN_RULE',
            `rule '${rule}' is not in rubric '${rubric.id}'`,
            ['nodes', id, 'responses', i, 'rules', rule],
            didYouMean(rule, ruleIds),
          );
      }
      r.keep?.forEach((p, k) => {
        if (!promisesMade.has(p))
          add(
            'W_PROMISE_UNKNOWN',
            `no response ever makes promise '${p}'`,
            ['nodes', id, 'responses', i, 'keep', k],
            didYouMean(p, promisesMade),
          );
      });
    });
    node.when?.forEach((branch, i) => {
      // Most conditions are a single mood test: only walk the ones that name flags or promises.
      if ('anger' in branch.if || 'trust' in branch.if || 'turn' in branch.if) return;
      for (const c of conditionLeaves(branch.if)) {
        if ('flag' in c && !flagsSet.has(c.flag))
          add(
            'W_FLAG_NEVER_SET',
            `flag '${c.flag}' is tested but no response sets it`,
            ['nodes', id, 'when', i, 'if'],
            didYouMean(c.flag, flagsSet),
          );
        if ('promise' in c && !promisesMade.has(c.promise.id))
          add('W_PROMISE_UNKNOWN', `no response ever makes promise '${c.promise.id}'`, [
            'nodes',
            id,
            'when',
            i,
            'if',
          ]);
      }
    });
  }
  for (const p of honestPromises) {
    if (!promisesKept.has(p))
      add(
        'W_PROMISE_NEVER_KEPT',
        `promise '${p}' is made but no response keeps it`,
        ['nodes'],
        `add "keep": ["${p}"] to a later response`,
      );
  }
  if (scenario.rubric !== rubric.id)
    add('W_RUBRIC_MISMATCH', `scenario asks for rubric '${scenario.rubric}', linted with '${rubric.id}'`, [
      'rubric',
    ]);

  const hasErrors = out.some((d) => d.severity === 'error');
  const search = hasErrors ? null : searchBounds(scenario, rubric, options.searchBudget);
  if (search) {
    if (!search.exact)
      add(
        'I_BOUNDS_APPROXIMATE',
        'the score search ran out of budget: bounds are the best and worst found, not proven',
        [],
      );
    if (search.best && !search.best.result.passed)
      add(
        'W_NO_PASSING_PATH',
        `no path through this scenario can pass (best overall ${search.best.result.overall})`,
        [],
      );
    if (search.worst?.result.passed)
      add(
        'W_ALL_PATHS_PASS',
        'every path passes: the scenario cannot tell a careless trainee from a careful one',
        [],
      );
  }
  const strategies = hasErrors ? [] : playNaiveStrategies(scenario, rubric, options.randomRuns ?? 200);
  for (const s of strategies) {
    if (!s.passed) continue;
    const name = s.locale ? `${s.strategy} (${s.locale})` : s.strategy;
    const rate = s.passRate !== undefined ? `, ${Math.round(s.passRate * 100)}% of runs pass` : '';
    add(
      'W_GUESSABLE',
      `answering by '${name}' passes with ${s.overall}${rate}: the score does not measure skill`,
      [],
      'write distractors as long and as polite as the best answer, wrong on substance (scenarios/README.md)',
    );
  }
  const nodes = Object.values(scenario.nodes);
  return {
    strategies,
    diagnostics: out,
    stats: {
      nodes: nodes.length,
      decisions: nodes.filter((n) => n.responses).length,
      endings: nodes.filter((n) => n.ending).length,
      outcomes: [...new Set(nodes.flatMap((n) => (n.ending ? [n.ending.outcome] : [])))],
      bestPathDecisions: search?.best?.choices.length ?? 0,
      paths: search?.paths.count ?? 0,
      pathsCounted: search?.paths.complete ?? false,
    },
    bounds: search
      ? { exact: search.exact, overall: search.overall, principles: search.principles }
      : {
          exact: false,
          overall: { best: 0, worst: 0 },
          principles: { listening: blank(), apology: blank(), resolution: blank(), etiquette: blank() },
        },
    best: search?.best ?? null,
    worst: search?.worst ?? null,
  };
}

/** Best and worst reachable scores, overall and per principle, each proven by branch and bound. */
function searchBounds(scenario: Scenario, rubric: Rubric, budget = 400_000) {
  const from = start(scenario, rubric, { now: () => 0 });
  const best = optimise(from, 'overall', 'best', budget);
  const worst = optimise(from, 'overall', 'worst', budget);
  let exact = best.exact && worst.exact;
  // When even the overall search could not finish, the graph is too big to prove anything per
  // principle either: spend a fifth of the budget there and report what was found, flagged.
  const principleBudget = exact ? budget : Math.ceil(budget / 5);
  const principles = {} as LintReport['bounds']['principles'];
  for (const p of PRINCIPLES) {
    const hi = optimise(from, p, 'best', principleBudget);
    const lo = optimise(from, p, 'worst', principleBudget);
    exact &&= hi.exact && lo.exact;
    principles[p] = {
      best: hi.path?.result.principles[p].score ?? null,
      worst: lo.path?.result.principles[p].score ?? null,
    };
  }
  return {
    best: best.path,
    worst: worst.path,
    exact,
    overall: { best: best.path?.result.overall ?? 0, worst: worst.path?.result.overall ?? 0 },
    principles,
    paths: countPaths(from, Math.min(budget, 100_000)),
  };
}

const blank = () => ({ best: null, worst: null });

function conditionLeaves(c: Condition): Condition[] {
  const out: Condition[] = [];
  const stack = [c];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if ('all' in top) stack.push(...top.all);
    else if ('any' in top) stack.push(...top.any);
    else if ('not' in top) stack.push(top.not);
    else out.push(top);
  }
  return out;
}
