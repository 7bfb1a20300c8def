import { pickText } from '../format/localized-text';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioNode, ScenarioResponse } from '../format/scenario-schema';
import { holds, type ConditionContext } from './conditions';
import { closingEvidence } from './closing';
import { applyMood } from './mood';
import { settlePromises } from './promises';
import { sayVariant } from './customer-lines';
import { isSeed } from './display-order';
import { startAtProblem, startMood } from './start-at';
import type { Outcome } from '../format/ids';
import type {
  Effect,
  Evidence,
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
  const stop = settle(scenario, ctx, node);
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
    response = responseById(node.responses, input.choice);
    if (!response) return rejected(session, 'unknown-choice');
    evidence = authorEvidence(response, rubric, turn, pickText(response.text, locale));
  } else if ('text' in input) {
    if (!node.freeText) return rejected(session, 'free-text-not-allowed');
    if (input.text.trim() === '') return rejected(session, 'empty-text');
    reading = readReply(session, input, turn, node.responses);
    if (!reading) return rejected(session, 'free-text-unavailable');
    response = reading.responseId === null ? undefined : responseById(node.responses, reading.responseId);
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
  const promised = settlePromises(
    state.promises,
    response,
    turn,
    state.node,
    scenario,
    rubric,
    locale,
    reading
      ? { makes: committed, said: typedCommitment(evidence, 'text' in input ? input.text : '') }
      : CHOSEN,
  );
  for (const e of promised.effects) effects.push(e);
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
  const arrival = {
    anger: moved.mood.anger,
    trust: moved.mood.trust,
    turn,
    flags,
    promises: promised.promises,
  };
  const stop = settle(scenario, arrival, target);
  if (unclear) effects.push({ type: 'unclear', node: state.node });
  const record: TurnRecord = {
    turn,
    node: state.node,
    input,
    responseId: response?.id ?? null,
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
  if (reading) record.reading = reading;
  const next = stateAfter(state, {
    node: stop.node,
    status: stop.ending === undefined ? 'active' : 'ended',
    ending: stop.ending ?? null,
    mood: moved.mood,
    repeats: moved.repeats,
    flags,
    promises: promised.promises,
    turns: [...state.turns, record],
    moodCurve: [...state.moodCurve, moved.mood],
    closingEvidence: state.closingEvidence,
  });
  if (next.status === 'ended') {
    // `next` is this turn's own, not yet shared: the ending's evidence is added to it in place.
    next.closingEvidence = closingEvidence(scenario, rubric, next);
    if (next.ending) effects.push({ type: 'ended', node: next.ending.node, outcome: next.ending.outcome });
  } else effects.push({ type: 'customer-says', node: next.node });
  return { session: { scenario, rubric, options, state: next }, effects };
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
/** A chosen response makes its promise as authored. */
const CHOSEN = { makes: true } as const;

/** The response with this id: a loop, not `find` with a new closure on each of lint's many steps. */
function responseById(responses: readonly ScenarioResponse[], id: string): ScenarioResponse | undefined {
  for (let i = 0; i < responses.length; i += 1) if (responses[i]!.id === id) return responses[i];
  return undefined;
}
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
  const reading = analyzer.read(
    { text: input.text, locale, ...(turn === 1 ? { position: 'opening' as const } : {}) },
    responses,
    session.rubric,
  );
  return { analyser: analyzer.version, ...reading };
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
function settle(scenario: Scenario, conditions: ConditionContext, target: string): Stop {
  const route: string[] = [];
  let id = target;
  for (let hop = 0; hop < MAX_AUTOMATIC_HOPS; hop += 1) {
    route.push(id);
    const node = scenario.nodes[id];
    if (!node) return { node: id, route, ending: null };
    if (node.ending) return { node: id, route, ending: { node: id, outcome: node.ending.outcome } };
    const branch = node.when ? firstHolding(node.when, conditions) : undefined;
    if (branch) id = branch.next;
    else if (node.responses) return { node: id, route };
    else if (node.otherwise) id = node.otherwise;
    else return { node: id, route, ending: null };
  }
  return { node: id, route, ending: null };
}

/** The first branch whose condition holds: a loop, not `find` with a closure at each hop. */
function firstHolding(branches: NonNullable<ScenarioNode['when']>, conditions: ConditionContext) {
  for (let i = 0; i < branches.length; i += 1) if (holds(branches[i]!.if, conditions)) return branches[i];
  return undefined;
}

function finish(scenario: Scenario, rubric: Rubric, state: SessionState): SessionState {
  if (state.status !== 'ended') return state;
  return { ...state, closingEvidence: closingEvidence(scenario, rubric, state) };
}

type TurnChanges = Pick<
  SessionState,
  | 'node'
  | 'status'
  | 'ending'
  | 'mood'
  | 'repeats'
  | 'flags'
  | 'promises'
  | 'turns'
  | 'moodCurve'
  | 'closingEvidence'
>;

/**
 * The state after a turn, written field by field rather than spread: every state then has the same
 * shape, built in one allocation (a spread with overrides copies through a slower, larger path, and
 * lint's searches build hundreds of thousands of states).
 */
function stateAfter(state: SessionState, c: TurnChanges): SessionState {
  return {
    stateVersion: state.stateVersion,
    scenarioId: state.scenarioId,
    scenarioVersion: state.scenarioVersion,
    locale: state.locale,
    startedAt: state.startedAt,
    seed: state.seed,
    openingVariant: state.openingVariant,
    node: c.node,
    mood: c.mood,
    flags: c.flags,
    promises: c.promises,
    turns: c.turns,
    repeats: c.repeats,
    openingRoute: state.openingRoute,
    status: c.status,
    ending: c.ending,
    closingEvidence: c.closingEvidence,
    moodCurve: c.moodCurve,
  };
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
