import type { Condition } from '../format/condition';
import { type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { diag, toPointer, type Diagnostic, type DiagnosticCode } from '../load/diagnostic';
import type { SourceMap } from '../load/source-map';
import { didYouMean } from '../load/suggest';
import { automaticCycles, graphOf, reachable, trappedNodes, type Graph } from './graph';
import { countPaths, type PathResult } from './paths';
import { optimise } from './optimise';
import { start } from '../runtime/session';
import { PRINCIPLES } from '../format/ids';
import { translationCheck, type TranslationProblems } from './translations';
import { playNaiveStrategies, type StrategyResult } from './guessability';
import { sayProblems } from './say-lines';
import { forEachText, stringCheck, type TextProblem } from './texts';
import { checklistProblems } from './authoring-checklist';

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

/** Respond calls each of lint's score searches may make unless told otherwise. */
export const DEFAULT_SEARCH_BUDGET = 400_000;

export interface LintOptions {
  sourceMap?: SourceMap | null;
  /** Respond calls the score search may make (DEFAULT_SEARCH_BUDGET); past it, bounds are marked approximate. */
  searchBudget?: number;
  /** Seeded random plays for the guessability check (0 skips random play). */
  randomRuns?: number;
  /** Add the guide's checklist for library scenarios (authoring-checklist.ts); the tutorial fails it. */
  checklist?: boolean;
}

/** What a missing list reads as: one shared empty list, not a new one for each of 30,000 responses. */
const NONE: readonly never[] = [];

type Report = (code: DiagnosticCode, message: string, path: Array<string | number>, hint?: string) => void;

/** Graph analysis of a loaded scenario: structure, content, and best/worst reachable scores. */
export function lintScenario(scenario: Scenario, rubric: Rubric, options: LintOptions = {}): LintReport {
  const out: Diagnostic[] = [];
  // Located all at once at the end: one reading of the text for every warning of a large file.
  const paths: Array<Array<string | number>> = [];
  const add: Report = (code, message, path, hint) => {
    out.push(diag(code, message, toPointer(path), null, hint));
    paths.push(path);
  };
  // Each check is its own small function over the scenario's one graph: on a large file each gets
  // compiled on its own, and none waits for the others' code to warm up.
  const graph = graphOf(scenario);
  structureProblems(scenario, graph, add);
  textProblemsOf(scenario, add);
  for (const p of sayProblems(scenario, rubric)) add(p.code, p.message, p.path, p.hint);
  tagProblems(graph, rubric, add);
  if (options.checklist) checklistProblems(scenario, graph, rubric, add);
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
  const where = options.sourceMap?.locateMany(paths);
  if (where)
    for (let i = 0; i < out.length; i += 1) {
      out[i]!.line = where[i]?.line ?? null;
      out[i]!.column = where[i]?.column ?? null;
    }
  return {
    strategies,
    diagnostics: out,
    stats: {
      ...counts(graph),
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

/** Unreachable nodes, nodes no ending can be reached from, and loops of automatic branches. */
function structureProblems(scenario: Scenario, graph: Graph, add: Report) {
  const reached = reachable(graph, [graph.index.get(scenario.start)!]);
  for (let i = 0; i < graph.ids.length; i += 1) {
    if (reached[i]) continue;
    const id = graph.ids[i]!;
    if (graph.isEnding[i]) add('W_UNREACHABLE_ENDING', `ending '${id}' can never be reached`, ['nodes', id]);
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
}

/** One walk over every text for both text checks: translations, then punctuation and invisible text. */
function textProblemsOf(scenario: Scenario, add: Report) {
  const translations: TranslationProblems = { missing: [], undeclared: [] };
  const textFindings: TextProblem[] = [];
  forEachText(scenario, translationCheck(scenario.locales, translations, stringCheck(textFindings)));
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
  for (const p of textFindings) add(p.code, p.message, p.path);
}

interface Facts {
  flagsSet: Set<string>;
  promisesMade: Set<string>;
  promisesKept: Set<string>;
  /** An over-promise is made to be broken: nothing need keep it. */
  honestPromises: Set<string>;
}

/** Flags set and promises made and kept anywhere. Index loops: no iterator objects before the JIT warms up. */
function factsOf(graph: Graph): Facts {
  const facts: Facts = {
    flagsSet: new Set(),
    promisesMade: new Set(),
    promisesKept: new Set(),
    honestPromises: new Set(),
  };
  for (let n = 0; n < graph.nodes.length; n += 1) {
    const responses = graph.nodes[n]!.responses ?? NONE;
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      if (r.set) for (const f of r.set) facts.flagsSet.add(f);
      if (r.promise) facts.promisesMade.add(r.promise.id);
      if (r.promise && !((r.rules?.['resolution.no-overpromise'] ?? 0) < 0))
        facts.honestPromises.add(r.promise.id);
      if (r.keep) for (const p of r.keep) facts.promisesKept.add(p);
    }
  }
  return facts;
}

/** Rules the rubric does not know, flags never set, promises never made or never kept. */
function tagProblems(graph: Graph, rubric: Rubric, add: Report) {
  const { flagsSet, promisesMade, promisesKept, honestPromises } = factsOf(graph);
  const ruleIds = Object.keys(rubric.rules);
  for (let n = 0; n < graph.ids.length; n += 1) {
    const id = graph.ids[n]!;
    const node = graph.nodes[n]!;
    const responses = node.responses ?? NONE;
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      for (const rule in r.rules) {
        if (!rubric.rules[rule])
          add(
            'E_UNKNOWN_RULE',
            `rule '${rule}' is not in rubric '${rubric.id}'`,
            ['nodes', id, 'responses', i, 'rules', rule],
            didYouMean(rule, ruleIds),
          );
      }
      const keep = r.keep ?? NONE;
      for (let k = 0; k < keep.length; k += 1) {
        const p = keep[k]!;
        if (!promisesMade.has(p))
          add(
            'W_PROMISE_UNKNOWN',
            `no response ever makes promise '${p}'`,
            ['nodes', id, 'responses', i, 'keep', k],
            didYouMean(p, promisesMade),
          );
      }
    }
    const when = node.when ?? NONE;
    for (let i = 0; i < when.length; i += 1) {
      const test = when[i]!.if;
      // Most conditions are a single mood test: only walk the ones that name flags or promises.
      if ('anger' in test || 'trust' in test || 'turn' in test) continue;
      if (!namesUnknown(test, flagsSet, promisesMade)) continue;
      for (const c of conditionLeaves(test)) {
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
    }
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
}

function counts(graph: Graph) {
  let decisions = 0;
  let endings = 0;
  const outcomes = new Set<string>();
  for (let n = 0; n < graph.nodes.length; n += 1) {
    const node = graph.nodes[n]!;
    if (node.responses) decisions += 1;
    if (node.ending) outcomes.add(node.ending.outcome);
    endings += graph.isEnding[n]!;
  }
  return { nodes: graph.ids.length, decisions, endings, outcomes: [...outcomes] };
}

/** Best and worst reachable scores, overall and per principle, each proven by branch and bound. */
function searchBounds(scenario: Scenario, rubric: Rubric, budget = DEFAULT_SEARCH_BUDGET) {
  const from = start(scenario, rubric, { now: () => 0 });
  // The count walks first, in authored order and without bounds: it is the quickest to meet a path
  // longer than MAX_PATH_TURNS. With one, no bound of this scenario can be proven whatever the
  // budget: the searches then keep what they find after a short look and spend nothing on proofs.
  const paths = countPaths(from, Math.min(budget, 100_000));
  const provable = !paths.cut;
  const best = optimise(from, 'overall', 'best', budget, provable);
  const worst = optimise(from, 'overall', 'worst', budget, provable);
  let exact = provable && best.exact && worst.exact;
  // When even the overall search could not finish, the graph is too big to prove anything per
  // principle either: spend a fifth of the budget there and report what was found, flagged.
  const principleBudget = exact ? budget : Math.ceil(budget / 5);
  const principles = {} as LintReport['bounds']['principles'];
  for (const p of PRINCIPLES) {
    const hi = optimise(from, p, 'best', principleBudget, provable);
    const lo = optimise(from, p, 'worst', principleBudget, provable);
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
    paths,
  };
}

const blank = () => ({ best: null, worst: null });

/** Whether a condition tests a flag never set or a promise never made: a walk that builds nothing. */
function namesUnknown(c: Condition, flags: Set<string>, promises: Set<string>): boolean {
  const list = 'all' in c ? c.all : 'any' in c ? c.any : null;
  if (list) {
    for (let i = 0; i < list.length; i += 1) if (namesUnknown(list[i]!, flags, promises)) return true;
    return false;
  }
  if ('not' in c) return namesUnknown(c.not, flags, promises);
  if ('flag' in c) return !flags.has(c.flag);
  if ('promise' in c) return !promises.has(c.promise.id);
  return false;
}

/** The leaves of a condition (its tests of mood, turn, flags and promises), last first. */
function conditionLeaves(c: Condition): Condition[] {
  const out: Condition[] = [];
  const stack = [c];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if ('all' in top) for (const x of top.all) stack.push(x);
    else if ('any' in top) for (const x of top.any) stack.push(x);
    else if ('not' in top) stack.push(top.not);
    else out.push(top);
  }
  return out;
}
