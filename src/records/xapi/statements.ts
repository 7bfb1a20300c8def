import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { LocalizedText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { shownResponses } from '@/engine/runtime/display-order';
import { replay } from '@/engine/runtime/session';
import type { Evidence, Mood } from '@/engine/runtime/types';
import {
  RECORD_VERSION,
  toTraineeInput,
  type AttemptRecord,
  type RecordResult,
  type RecordTurn,
} from '../attempt-record';
import { isoDuration } from '../duration';
import type { LanguageMap, XapiActivity, XapiAgent, XapiContext, XapiStatement } from './types';
import { uuidV5 } from './uuid';
import {
  ACTIVITY_TYPES,
  CMI5,
  DEFAULT_ACTIVITY_BASE,
  EXTENSIONS,
  PROFILE_VERSION_IRI,
  STATEMENT_ID_NAMESPACE,
  VERBS,
  type VerbName,
} from './vocabulary';

/** Launched by a cmi5 LMS: its registration, AU and session replace Composure's own. */
export interface Cmi5Session {
  activityId: string;
  registration: string;
  sessionId: string;
  /** From LMS.LaunchData: reported with passed/failed as cmi5 requires (0..1). */
  masteryScore?: number;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  /** LMS.LaunchData's contextTemplate: its context activities and extensions go into every statement. */
  contextTemplate?: {
    contextActivities?: Record<string, unknown>;
    extensions?: Record<string, unknown>;
  };
}

/** What every statement of one attempt shares. */
export interface AttemptStatementContext {
  attemptId: string;
  actor: XapiAgent;
  scenario: Scenario;
  scenarioHash: string;
  rubric: { id: string; hash: string };
  locale: string;
  seed: number | null;
  startedAt: number;
  /** The record's own trainee (id and name as entered on this device), kept so a rebuilt record matches. */
  trainee?: { id: string; name: string };
  /** Activity ids are `<base>/scenarios/<id>/v<version>[/nodes/<node>]`. */
  activityBase?: string;
  platform?: string;
  cmi5?: Cmi5Session;
}

/** What the `attempt` context extension holds: enough to rebuild the record from the statements. */
export interface AttemptExtension {
  id: string;
  recordVersion: number;
  scenario: { id: string; version: number; contentHash: string };
  rubric: { id: string; hash: string };
  locale: string;
  seed: number | null;
  startedAt: number;
  trainee?: { id: string; name: string };
}

export interface TurnExtension {
  /** 1-based trainee turn. */
  number: number;
  node: string;
  responseId: string | null;
  input: 'choice' | 'text' | 'silence';
  msToAnswer: number | null;
}

/** What a `responded` statement needs beyond the stored turn: what the engine made of it. */
export interface TurnOutcome {
  evidence: readonly Evidence[];
  moodAfter: Mood;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export { isoDuration };

/** A language map from authored text: every locale it has (a plain string is in the attempt's locale). */
export function languageMap(text: LocalizedText | undefined, locale: string): LanguageMap {
  if (typeof text === 'string') return { [locale]: text };
  if (!text || typeof text !== 'object') return { [locale]: '' };
  const out: LanguageMap = {};
  for (const [key, value] of Object.entries(text)) if (typeof value === 'string') out[key] = value;
  return Object.keys(out).length ? out : { [locale]: '' };
}

const verb = (name: VerbName) => ({ id: VERBS[name], display: { 'en-US': name } });
const stamp = (ms: number) => new Date(ms).toISOString();

export function scenarioActivityId(ctx: Pick<AttemptStatementContext, 'activityBase' | 'scenario'>): string {
  const base = (ctx.activityBase ?? DEFAULT_ACTIVITY_BASE).replace(/\/+$/, '');
  return `${base}/scenarios/${encodeURIComponent(ctx.scenario.id)}/v${ctx.scenario.version}`;
}

export function nodeActivityId(ctx: AttemptStatementContext, node: string): string {
  return `${scenarioActivityId(ctx)}/nodes/${encodeURIComponent(node)}`;
}

/** The statement id for one step of one attempt: the same inputs always give the same id. */
export function statementId(attemptId: string, step: string): string {
  return uuidV5(`${attemptId}/${step}`, STATEMENT_ID_NAMESPACE);
}

function scenarioActivity(ctx: AttemptStatementContext): XapiActivity {
  return {
    objectType: 'Activity',
    id: scenarioActivityId(ctx),
    definition: {
      type: ACTIVITY_TYPES.simulation,
      name: languageMap(ctx.scenario.title, ctx.locale),
      description: languageMap(ctx.scenario.brief, ctx.locale),
    },
  };
}

/** The AU when launched by cmi5, the scenario otherwise: what initialized…terminated are about. */
function attemptActivity(ctx: AttemptStatementContext): XapiActivity {
  return ctx.cmi5 ? { objectType: 'Activity', id: ctx.cmi5.activityId } : scenarioActivity(ctx);
}

function attemptExtension(ctx: AttemptStatementContext): AttemptExtension {
  return {
    id: ctx.attemptId,
    recordVersion: RECORD_VERSION,
    scenario: { id: ctx.scenario.id, version: ctx.scenario.version, contentHash: ctx.scenarioHash },
    rubric: { id: ctx.rubric.id, hash: ctx.rubric.hash },
    locale: ctx.locale,
    seed: ctx.seed,
    startedAt: ctx.startedAt,
    ...(ctx.trainee ? { trainee: ctx.trainee } : {}),
  };
}

const profileCategory: XapiActivity = {
  objectType: 'Activity',
  id: PROFILE_VERSION_IRI,
  definition: { type: ACTIVITY_TYPES.profile },
};

const asActivities = (value: unknown): XapiActivity[] =>
  (Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : []).filter(
    (a): a is XapiActivity =>
      typeof a === 'object' && a !== null && typeof (a as XapiActivity).id === 'string',
  );

function context(
  ctx: AttemptStatementContext,
  options: {
    parent?: XapiActivity;
    cmi5Defined?: boolean;
    moveOn?: boolean;
    extra?: Record<string, unknown>;
  },
): XapiContext {
  const template = ctx.cmi5?.contextTemplate;
  const category: XapiActivity[] = [profileCategory, ...asActivities(template?.contextActivities?.category)];
  if (ctx.cmi5 && options.cmi5Defined) category.push({ objectType: 'Activity', id: CMI5.category });
  if (ctx.cmi5 && options.moveOn) category.push({ objectType: 'Activity', id: CMI5.moveOn });
  const extensions: Record<string, unknown> = {
    ...template?.extensions,
    [EXTENSIONS.attempt]: attemptExtension(ctx),
    ...options.extra,
  };
  if (ctx.cmi5) extensions[CMI5.sessionId] = ctx.cmi5.sessionId;
  const parent = [
    ...(options.parent ? [options.parent] : []),
    ...asActivities(template?.contextActivities?.parent),
  ];
  const grouping = [
    ...(ctx.cmi5 && options.parent ? [scenarioActivity(ctx)] : []),
    ...asActivities(template?.contextActivities?.grouping),
  ];
  return {
    registration: ctx.cmi5?.registration ?? ctx.attemptId,
    platform: ctx.platform ?? 'Composure',
    language: ctx.locale,
    contextActivities: {
      ...(parent.length ? { parent } : {}),
      ...(grouping.length ? { grouping } : {}),
      category,
    },
    extensions,
  };
}

export function initializedStatement(ctx: AttemptStatementContext): XapiStatement {
  return {
    id: statementId(ctx.attemptId, 'initialized'),
    actor: ctx.actor,
    verb: verb('initialized'),
    object: attemptActivity(ctx),
    context: context(ctx, { cmi5Defined: true }),
    timestamp: stamp(ctx.startedAt),
  };
}

/** `responded` for trainee turn `index` (0-based): the node, what was shown, what was answered and why it scored. */
export function respondedStatement(
  ctx: AttemptStatementContext,
  index: number,
  turn: RecordTurn,
  outcome: TurnOutcome,
): XapiStatement {
  const node = Object.hasOwn(ctx.scenario.nodes, turn.node) ? ctx.scenario.nodes[turn.node] : undefined;
  const shown = node?.responses ? shownResponses(node.responses, ctx.seed, turn.node) : [];
  const input: TurnExtension['input'] = turn.silence
    ? 'silence'
    : turn.text !== undefined
      ? 'text'
      : 'choice';
  const turnExtension: TurnExtension = {
    number: index + 1,
    node: turn.node,
    responseId: turn.responseId,
    input,
    msToAnswer: turn.msToAnswer,
  };
  const resultExtensions: Record<string, unknown> = {
    [EXTENSIONS.evidence]: outcome.evidence.map((e) => ({
      rule: e.rule,
      verdict: e.verdict,
      source: e.source,
      weight: e.weight,
      quote: e.quote,
      ...(e.cue !== undefined ? { cue: e.cue } : {}),
    })),
    [EXTENSIONS.mood]: { anger: round2(outcome.moodAfter.anger), trust: round2(outcome.moodAfter.trust) },
  };
  if (turn.reading) resultExtensions[EXTENSIONS.reading] = turn.reading;
  const parent = ctx.cmi5 ? attemptActivity(ctx) : scenarioActivity(ctx);
  return {
    id: statementId(ctx.attemptId, `responded/${index + 1}`),
    actor: ctx.actor,
    verb: verb('responded'),
    object: {
      objectType: 'Activity',
      id: nodeActivityId(ctx, turn.node),
      definition: {
        type: ACTIVITY_TYPES.interaction,
        name: {
          [ctx.locale]: `${pickFirst(languageMap(ctx.scenario.title, ctx.locale), ctx.locale)} · ${turn.node}`,
        },
        interactionType: 'choice',
        choices: shown.map((r) => ({ id: r.id, description: languageMap(r.text, ctx.locale) })),
      },
    },
    result: {
      response: input === 'choice' ? (turn.responseId ?? '') : input === 'text' ? (turn.text ?? '') : '',
      ...(turn.msToAnswer !== null ? { duration: isoDuration(turn.msToAnswer) } : {}),
      extensions: resultExtensions,
    },
    context: context(ctx, { parent, extra: { [EXTENSIONS.turn]: turnExtension } }),
    timestamp: stamp(turn.at),
  };
}

function pickFirst(map: LanguageMap, locale: string): string {
  return map[locale] ?? Object.values(map)[0] ?? '';
}

export interface AttemptEnd {
  status: AttemptRecord['status'];
  finishedAt: number;
  result: RecordResult;
}

/**
 * What closes an attempt: `completed` and `passed`/`failed` when it reached an ending, then always
 * `terminated` (with the whole stored result, so a reviewer can recompute it). An abandoned attempt
 * is `terminated` without `completed`.
 */
export function closingStatements(ctx: AttemptStatementContext, end: AttemptEnd): XapiStatement[] {
  const duration = isoDuration(end.finishedAt - ctx.startedAt);
  const at = stamp(end.finishedAt);
  const object = attemptActivity(ctx);
  const principleScores = Object.fromEntries(
    PRINCIPLES.map((p) => [p, end.result.scores[p] ?? null]),
  ) as Record<Principle, number | null>;
  const out: XapiStatement[] = [];
  // cmi5: in Browse or Review mode the AU must not report completion or a verdict.
  const judged = !ctx.cmi5?.launchMode || ctx.cmi5.launchMode === 'Normal';
  if (end.status === 'finished' && judged) {
    out.push({
      id: statementId(ctx.attemptId, 'completed'),
      actor: ctx.actor,
      verb: verb('completed'),
      object,
      result: { completion: true, duration },
      context: context(ctx, { cmi5Defined: true, moveOn: true }),
      timestamp: at,
    });
    const passed = end.result.passed;
    const masteryScore = ctx.cmi5?.masteryScore;
    out.push({
      id: statementId(ctx.attemptId, passed ? 'passed' : 'failed'),
      actor: ctx.actor,
      verb: verb(passed ? 'passed' : 'failed'),
      object,
      result: {
        score: { scaled: round2(end.result.overall) / 100, raw: end.result.overall, min: 0, max: 100 },
        success: passed,
        duration,
        extensions: { [EXTENSIONS.principleScores]: principleScores },
      },
      context: context(ctx, {
        cmi5Defined: true,
        moveOn: true,
        ...(masteryScore !== undefined ? { extra: { [CMI5.masteryScore]: masteryScore } } : {}),
      }),
      timestamp: at,
    });
  }
  out.push({
    id: statementId(ctx.attemptId, 'terminated'),
    actor: ctx.actor,
    verb: verb('terminated'),
    object,
    result: {
      ...(end.status === 'finished' ? { completion: true } : {}),
      duration,
      extensions: { [EXTENSIONS.result]: end.result },
    },
    context: context(ctx, { cmi5Defined: true }),
    timestamp: at,
  });
  return out;
}

export interface RecordStatementOptions {
  actor: XapiAgent;
  activityBase?: string;
  platform?: string;
  cmi5?: Cmi5Session;
}

export function contextForRecord(
  record: AttemptRecord,
  scenario: Scenario,
  options: RecordStatementOptions,
): AttemptStatementContext {
  return {
    attemptId: record.id,
    actor: options.actor,
    scenario,
    scenarioHash: record.scenario.contentHash,
    rubric: { id: record.rubric.id, hash: record.rubric.hash },
    locale: record.locale,
    seed: record.seed,
    startedAt: record.startedAt,
    trainee: record.trainee,
    ...(options.activityBase ? { activityBase: options.activityBase } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.cmi5 ? { cmi5: options.cmi5 } : {}),
  };
}

/**
 * Every statement of a stored attempt, in order. The per-turn evidence and mood are not stored in the
 * record: they come from replaying its inputs on the scenario and rubric it was played on, exactly
 * as verification does, so they equal what the trainee's debrief showed.
 */
export function statementsForRecord(
  record: AttemptRecord,
  scenario: Scenario,
  rubric: Rubric,
  options: RecordStatementOptions,
): XapiStatement[] {
  const ctx = contextForRecord(record, scenario, options);
  const session = replay(scenario, rubric, record.turns.map(toTraineeInput), {
    locale: record.locale,
    now: () => record.startedAt,
    ...(record.seed !== null ? { seed: record.seed } : {}),
  });
  const replayed = session.state.turns;
  const out = [initializedStatement(ctx)];
  record.turns.forEach((turn, i) => {
    const r = replayed[i];
    out.push(
      respondedStatement(ctx, i, turn, {
        evidence: r?.evidence ?? [],
        moodAfter: r?.moodAfter ?? record.result.moodCurve[i + 1] ?? { anger: 0, trust: 0 },
      }),
    );
  });
  out.push(
    ...closingStatements(ctx, {
      status: record.status,
      finishedAt: record.finishedAt,
      result: record.result,
    }),
  );
  return out;
}
