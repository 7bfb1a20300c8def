import { pickText } from '../format/localized-text';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';
import { latestPromise } from './conditions';
import type { Effect, Evidence, PromiseRecord } from './types';

export const PROMISE_KEPT_RULE = 'resolution.concrete-commitment';
export const PROMISE_BROKEN_RULE = 'resolution.no-overpromise';

/** Makes, keeps and breaks promises for one turn; returns the evidence each change earns. */
export function settlePromises(
  promises: readonly PromiseRecord[],
  response: ScenarioResponse | undefined,
  turn: number,
  node: string,
  scenario: Scenario,
  rubric: Rubric,
  locale: string,
  /** For typed replies: a promise is made only when the words commit, and quotes those words. */
  typed: { makes: boolean; said?: string } = { makes: true },
): { promises: PromiseRecord[]; effects: Effect[]; evidence: Evidence[] } {
  const made = typed.makes ? response?.promise : undefined;
  // With no promise in play and none made or kept, nothing changes: no ledger to copy or scan.
  if (promises.length === 0 && !made && !response?.keep?.length)
    return { promises: [], effects: [], evidence: [] };
  const effects: Effect[] = [];
  const evidence: Evidence[] = [];
  const at: Where = { turn, scenario, rubric, locale };
  let next: PromiseRecord[] = promises.slice();
  for (const id of response?.keep ?? []) {
    const current = latestPromise(next, id);
    if (current?.status !== 'pending') continue;
    next = next.map((p) => (p === current ? { ...p, status: 'kept', keptAt: turn } : p));
    effects.push({ type: 'promise-kept', id });
    addEvidence(evidence, at, next, PROMISE_KEPT_RULE, 'met', id);
  }
  if (made && response && latestPromise(next, made.id)?.status !== 'pending') {
    next.push({
      id: made.id,
      madeAt: { turn, node, response: response.id },
      dueTurn: turn + made.due.turns,
      status: 'pending',
      ...(typed.said ? { said: typed.said } : {}),
    });
    effects.push({ type: 'promise-made', id: made.id });
  }
  const before = next;
  next = before.map((p) => {
    if (p.status !== 'pending' || p.dueTurn > turn) return p;
    effects.push({ type: 'promise-broken', id: p.id });
    addEvidence(evidence, at, before, PROMISE_BROKEN_RULE, 'violated', p.id);
    return { ...p, status: 'broken', brokenAt: turn };
  });
  return { promises: next, effects, evidence };
}

interface Where {
  turn: number;
  scenario: Scenario;
  rubric: Rubric;
  locale: string;
}

/**
 * The evidence one promise change earns, quoting the promise as `promises` records it. A module
 * function, not a closure: settlePromises runs on every step of lint's searches, and a named closure
 * costs more each call where names are kept (tsx, which runs the CLI and the bench, does).
 */
function addEvidence(
  evidence: Evidence[],
  { turn, scenario, rubric, locale }: Where,
  promises: readonly PromiseRecord[],
  rule: string,
  verdict: 'met' | 'violated',
  id: string,
) {
  const def = rubric.rules[rule];
  if (!def) return;
  evidence.push({
    turn,
    rule,
    verdict,
    source: 'promise',
    quote: promiseQuote(scenario, latestPromise(promises, id), id, locale),
    weight: def.weight,
    cue: id,
  });
}

/** The text of a promise, from whichever response in the scenario makes it. */
export function findPromise(scenario: Scenario, id: string) {
  for (const node of Object.values(scenario.nodes))
    for (const r of node.responses ?? []) if (r.promise?.id === id) return r.promise.what;
  return undefined;
}

/**
 * What the debrief quotes for a promise: the trainee's own words for a typed one, else the text of
 * the response that actually made it (several responses may make promises with the same id).
 */
export function promiseQuote(
  scenario: Scenario,
  record: PromiseRecord | undefined,
  id: string,
  locale: string,
): string {
  if (record?.said) return record.said;
  const made = record
    ? scenario.nodes[record.madeAt.node]?.responses?.find((r) => r.id === record.madeAt.response)?.promise
    : undefined;
  return pickText(made?.what ?? findPromise(scenario, id), locale) || id;
}
