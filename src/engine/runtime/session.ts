import { pickText } from '../format/localized-text';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioNode, ScenarioResponse } from '../format/scenario-schema';
import { holds } from './conditions';
import { closingEvidence } from './closing';
import { applyMood } from './mood';
import { settlePromises } from './promises';
import { sayVariant } from './customer-lines';
import { isSeed } from './display-order';
import { startAtProblem, startMood } from './start-at';
import { placeReply } from './place-reply';
import type { Outcome } from '../format/ids';
import type {
  Effect,
  Evidence,
  Mood,
  PromiseRecord,
  ReplyReading,
  ResolvedOptions,
  Session,
  SessionOptions,
  SessionState,
  Step,
  TraineeInput,
  TurnRecord,
} from './types';

/** Saved-state format: what `resume` accepts. Bump with a migration when SessionState changes shape. */
export const SESSION_STATE_VERSION = 2;
export const MIN_SESSION_STATE_VERSION = 1;
const MAX_AUTOMATIC_HOPS = 64;

const resolveOptions = (scenario: Scenario, options: SessionOptions = {}): ResolvedOptions => ({
  locale: options.locale ?? scenario.locales[0] ?? 'en',
  now: options.now ?? Date.now,
  analyzer: options.analyzer ?? null,
});

export function start(scenario: Scenario, rubric: Rubric, options?: SessionOptions): Session {
  const opts = resolveOptions(scenario, options);
  const startAt = options?.startAt;
  const problem = startAt ? startAtProblem(scenario, startAt) : null;
  if (problem) throw new Error(problem);
  const mood = startMood(scenario, startAt);
  const node = startAt?.node ?? scenario.start;
  const flags = startAt?.flags ? [...new Set(startAt.flags)] : [];
  const blank: SessionState = {
    stateVersion: SESSION_STATE_VERSION,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    locale: opts.locale,
    startedAt: opts.now(),
    seed: isSeed(options?.seed) ? options.seed : null,
    openingVariant: 0,
    node,
    mood,
    flags,
    promises: [],
    turns: [],
    repeats: {},
    openingRoute: [],
    status: 'active',
    ending: null,
    closingEvidence: [],
    moodCurve: [mood],
  };
  const ctx = { ...mood, turn: 0, flags, promises: [] };
  const stop = settle(scenario, { mood, turn: 0, flags, promises: [] }, node);
  const state: SessionState = {
    ...blank,
    openingVariant: sayVariant(scenario.nodes[stop.node], ctx),
    node: stop.node,
    openingRoute: stop.route,
    status: stop.ending === undefined ? 'active' : 'ended',
    ending: stop.ending ?? null,
  };
  return { scenario, rubric, options: opts, state: finish(scenario, rubric, state) };
}

/** Continue a saved attempt. The caller checks the scenario is the one the state was made with. */
export function resume(
  scenario: Scenario,
  rubric: Rubric,
  state: SessionState,
  options?: SessionOptions,
): Session {
  return { scenario, rubric, options: resolveOptions(scenario, { locale: state.locale, ...options }), state };
}

/** Options to carry a session's clock and analyzer into replays of it (what-if, model answers). */
export const optionsOf = (session: Session): SessionOptions => ({
  locale: session.options.locale,
  now: session.options.now,
  ...(session.options.analyzer ? { analyzer: session.options.analyzer } : {}),
  ...(session.state.seed !== null ? { seed: session.state.seed } : {}),
});

export const currentNode = (session: Session): ScenarioNode | undefined =>
  session.scenario.nodes[session.state.node];

export function setLocale(session: Session, locale: string): Session {
  return { ...session, options: { ...session.options, locale }, state: { ...session.state, locale } };
}

export function respond(session: Session, input: TraineeInput): Step {
  const { scenario, rubric, state, options } = session;
  if (state.status === 'ended') return rejected(session, 'session-ended');
  const node = scenario.nodes[state.node];
  if (!node?.responses) return rejected(session, 'session-ended');
  const turn = state.turns.length + 1;
  const locale = options.locale;

  let response: ScenarioResponse | undefined;
  let evidence: Evidence[];
  let reading: ReplyReading | undefined;
  let authoredMood = true;
  if ('choice' in input) {
    response = node.responses.find((r) => r.id === input.choice);
    if (!response) return rejected(session, 'unknown-choice');
    evidence = authorEvidence(response, rubric, turn, pickText(response.text, locale));
  } else if ('text' in input) {
    if (!node.freeText) return rejected(session, 'free-text-not-allowed');
    if (input.text.trim() === '') return rejected(session, 'empty-text');
    reading = readReply(session, input, turn, node.responses);
    if (!reading) return rejected(session, 'free-text-unavailable');
    response = node.responses.find((r) => r.id === reading!.responseId);
    evidence = detectorEvidence(reading.evidence, rubric, turn);
    // A typed reply moves the customer by what it said, not by the authored response's merits.
    authoredMood = false;
  } else {
    if (!node.timeLimit) return rejected(session, 'no-time-limit');
    evidence = rubric.rules['etiquette.responsiveness']
      ? [
          {
            turn,
            rule: 'etiquette.responsiveness',
            verdict: 'violated',
            source: 'timer',
            quote: '',
            weight: ruleWeight(rubric, 'etiquette.responsiveness'),
          },
        ]
      : [];
  }

  const effects: Effect[] = [];
  let flags = state.flags;
  if (response?.set) flags = [...new Set([...flags, ...response.set])];
  if (response?.unset) flags = flags.filter((f) => !response.unset!.includes(f));
  const committed = !reading || evidence.some((e) => e.rule === COMMITMENT_RULE && e.verdict === 'met');
  const promised = settlePromises(state.promises, response, turn, state.node, scenario, rubric, locale, {
    makes: committed,
    ...(reading ? { said: typedCommitment(evidence, 'text' in input ? input.text : '') } : {}),
  });
  effects.push(...promised.effects);
  // `evidence` is this turn's own new list: extended in place, not copied on every step.
  for (const e of promised.evidence) evidence.push(e);

  const unclear = reading !== undefined && response === undefined;
  const moved = applyMood(
    state.mood,
    authoredMood ? response?.mood : unclear ? UNCLEAR_MOOD : undefined,
    evidence,
    scenario,
    rubric,
    state.repeats,
  );
  const target = response?.next ?? state.node;
  const stop = settle(scenario, { mood: moved.mood, turn, flags, promises: promised.promises }, target);
  const arrival = { ...moved.mood, turn, flags, promises: promised.promises };
  if (unclear) effects.push({ type: 'unclear', node: state.node });
  const record: TurnRecord = {
    turn,
    node: state.node,
    input,
    responseId: response?.id ?? null,
    ...(reading ? { reading } : {}),
    evidence,
    moodBefore: state.mood,
    moodAfter: moved.mood,
    route: stop.route,
    customer: {
      reply: unclear ? 'unclear' : response?.reply ? 'response' : null,
      variant: unclear ? -1 : sayVariant(scenario.nodes[stop.node], arrival),
    },
    at: options.now(),
  };
  const next: SessionState = {
    ...state,
    node: stop.node,
    status: stop.ending === undefined ? 'active' : 'ended',
    ending: stop.ending ?? null,
    mood: moved.mood,
    repeats: moved.repeats,
    flags,
    promises: promised.promises,
    turns: [...state.turns, record],
    moodCurve: [...state.moodCurve, moved.mood],
  };
  const finished = finish(scenario, rubric, next);
  if (finished.status === 'ended' && finished.ending)
    effects.push({ type: 'ended', node: finished.ending.node, outcome: finished.ending.outcome });
  else if (finished.status === 'active') effects.push({ type: 'customer-says', node: finished.node });
  return { session: { ...session, state: finished }, effects };
}

type RejectReason = Extract<Effect, { type: 'rejected' }>['reason'];

// A module function rather than a closure in respond: lint's searches call respond hundreds of
// thousands of times, and a named closure costs more each call where names are kept (tsx, which
// runs the CLI and the bench, does).
const rejected = (session: Session, reason: RejectReason): Step => ({
  session,
  effects: [{ type: 'rejected', reason }],
});

const COMMITMENT_RULE = 'resolution.concrete-commitment';
/** A reply the customer cannot make sense of costs a little patience. */
const UNCLEAR_MOOD = { anger: 3, trust: -2 };

/**
 * Reads a typed reply: with the session's analyzer when it is the one that read it before (or there
 * was no reading), else from the reading stored with the input, so replays are exact across versions.
 */
function readReply(
  session: Session,
  input: { text: string; reading?: ReplyReading },
  turn: number,
  responses: readonly ScenarioResponse[],
): ReplyReading | undefined {
  const { analyzer, locale } = session.options;
  const stored = input.reading;
  if (stored && (!analyzer || analyzer.version !== stored.analyser)) return stored;
  if (!analyzer) return undefined;
  const analysis = analyzer.analyze(
    { text: input.text, locale, ...(turn === 1 ? { position: 'opening' as const } : {}) },
    session.rubric,
  );
  const found = analysis.evidence.map((e) => ({
    rule: e.rule,
    verdict: e.verdict,
    cue: e.cue,
    quote: e.quote,
  }));
  const placed = placeReply(
    found,
    responses,
    (authored) => analyzer.similarity(input.text, authored),
    session.rubric,
    locale,
  );
  return {
    analyser: analyzer.version,
    evidence: found,
    responseId: placed.responseId,
    confidence: placed.confidence,
    shared: placed.shared,
    opposed: placed.opposed,
    similarity: placed.similarity,
  };
}

/** The trainee's own words that committed to something, for the promise ledger to quote. */
function typedCommitment(evidence: readonly Evidence[], text: string): string {
  return evidence.find((e) => e.rule === COMMITMENT_RULE && e.verdict === 'met')?.quote || text;
}

/** Reproduces a session from the trainee's inputs alone: scoring is a pure function of them. */
export function replay(
  scenario: Scenario,
  rubric: Rubric,
  inputs: readonly TraineeInput[],
  options?: SessionOptions,
): Session {
  let session = start(scenario, rubric, options);
  for (const input of inputs) session = respond(session, input).session;
  return session;
}

interface Stop {
  node: string;
  route: string[];
  /** Present when the conversation is over; null when it ended on a missing node or a branch loop. */
  ending?: { node: string; outcome: Outcome } | null;
}

/** Follows automatic branches from `target` until a customer turn or an ending. */
function settle(
  scenario: Scenario,
  ctx: { mood: Mood; turn: number; flags: string[]; promises: PromiseRecord[] },
  target: string,
): Stop {
  const route: string[] = [];
  const conditions = {
    anger: ctx.mood.anger,
    trust: ctx.mood.trust,
    turn: ctx.turn,
    flags: ctx.flags,
    promises: ctx.promises,
  };
  let id = target;
  for (let hop = 0; hop < MAX_AUTOMATIC_HOPS; hop += 1) {
    route.push(id);
    const node = scenario.nodes[id];
    if (!node) return { node: id, route, ending: null };
    if (node.ending) return { node: id, route, ending: { node: id, outcome: node.ending.outcome } };
    const branch = node.when?.find((b) => holds(b.if, conditions));
    if (branch) id = branch.next;
    else if (node.responses) return { node: id, route };
    else if (node.otherwise) id = node.otherwise;
    else return { node: id, route, ending: null };
  }
  return { node: id, route, ending: null };
}

function finish(scenario: Scenario, rubric: Rubric, state: SessionState): SessionState {
  if (state.status !== 'ended') return state;
  return { ...state, closingEvidence: closingEvidence(scenario, rubric, state) };
}

export const ruleWeight = (rubric: Rubric, rule: string) => rubric.rules[rule]?.weight ?? 1;

function authorEvidence(response: ScenarioResponse, rubric: Rubric, turn: number, quote: string): Evidence[] {
  const out: Evidence[] = [];
  const rules = response.rules;
  // The keys in Object.entries order, without its pairs: this runs on every step of lint's searches.
  for (const rule in rules) {
    if (!Object.hasOwn(rules, rule)) continue;
    const n = rules[rule]!;
    out.push({
      turn,
      rule,
      verdict: n > 0 ? 'met' : 'violated',
      source: 'author',
      quote,
      weight: Math.abs(n) * ruleWeight(rubric, rule),
    });
  }
  return out;
}

function detectorEvidence(found: ReplyReading['evidence'], rubric: Rubric, turn: number): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const item of found) {
    if (seen.has(item.rule) || !rubric.rules[item.rule]) continue;
    seen.add(item.rule);
    out.push({
      turn,
      rule: item.rule,
      verdict: item.verdict,
      source: 'detector',
      quote: item.quote,
      weight: ruleWeight(rubric, item.rule),
      cue: item.cue,
    });
  }
  return out;
}
