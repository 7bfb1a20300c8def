import { OUTCOMES, PRINCIPLES } from '@/engine/format/ids';
import { isInt, isNum, isObj, isStr, onlyKeys } from '@/engine/format/shape-checks';
import { RECORD_VERSION, type AttemptRecord } from './attempt-record';

/**
 * A zod-free acceptor for record v2, deliberately no looser than AttemptRecordSchema: when it says
 * yes the schema would too (a property test checks this); when it says no, callers ask the schema
 * for the reason. It keeps zod out of the trainee's play → debrief download.
 */
export function quickCheckRecord(value: unknown): value is AttemptRecord {
  if (!isObj(value) || !onlyKeys(value, RECORD_KEYS)) return false;
  const v = value;
  return (
    v.recordVersion === RECORD_VERSION &&
    isStr(v.id) &&
    UUID.test(v.id) &&
    (v.status === 'finished' || v.status === 'abandoned') &&
    isObj(v.trainee) &&
    onlyKeys(v.trainee, TRAINEE_KEYS) &&
    isId(v.trainee.id) &&
    isStr(v.trainee.name) &&
    v.trainee.name.length <= 200 &&
    isObj(v.scenario) &&
    onlyKeys(v.scenario, SCENARIO_KEYS) &&
    isId(v.scenario.id) &&
    isInt(v.scenario.version, 1) &&
    isHash(v.scenario.contentHash) &&
    isObj(v.rubric) &&
    onlyKeys(v.rubric, RUBRIC_KEYS) &&
    isId(v.rubric.id) &&
    isHash(v.rubric.hash) &&
    isStr(v.locale) &&
    v.locale.length >= 2 &&
    v.locale.length <= 35 &&
    (v.seed === null || isInt(v.seed, 0, 0xffffffff)) &&
    isTime(v.startedAt) &&
    isTime(v.finishedAt) &&
    Array.isArray(v.turns) &&
    v.turns.length <= 1000 &&
    v.turns.every(isTurn) &&
    isResult(v.result) &&
    (v.practice === undefined || isPractice(v.practice))
  );
}

/** A practice branch's origin (retry from a turn): the attempt it replays and the turn it answers anew. */
const isPractice = (p: unknown) =>
  isObj(p) && onlyKeys(p, PRACTICE_KEYS) && isStr(p.of) && UUID.test(p.of) && isInt(p.fromTurn, 1, 1000);

const RECORD_KEYS = new Set([
  'recordVersion',
  'id',
  'status',
  'trainee',
  'scenario',
  'rubric',
  'locale',
  'seed',
  'startedAt',
  'finishedAt',
  'turns',
  'result',
  'practice',
]);
const TRAINEE_KEYS = new Set(['id', 'name']);
const PRACTICE_KEYS = new Set(['of', 'fromTurn']);
const SCENARIO_KEYS = new Set(['id', 'version', 'contentHash']);
const RUBRIC_KEYS = new Set(['id', 'hash']);
const TURN_KEYS = new Set(['node', 'responseId', 'text', 'silence', 'reading', 'at', 'msToAnswer']);
const READING_KEYS = new Set([
  'analyser',
  'evidence',
  'responseId',
  'confidence',
  'shared',
  'opposed',
  'similarity',
]);
const READ_EVIDENCE_KEYS = new Set(['rule', 'verdict', 'cue', 'quote']);
const RESULT_KEYS = new Set([
  'scores',
  'overall',
  'passed',
  'passMark',
  'critical',
  'outcome',
  'moodCurve',
  'violated',
  'missed',
]);
const SCORE_KEYS = new Set<string>(PRINCIPLES);
// Lower-case v4, as crypto.randomUUID makes them: a strict subset of what z.uuid() accepts.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{8,64}$/;

const isId = (v: unknown) => isStr(v) && v.length >= 1 && v.length <= 100;
const isHash = (v: unknown) => isStr(v) && HASH.test(v);
const isTime = (v: unknown) => isNum(v, 0, 8.64e15);
const isScore = (v: unknown) => isNum(v, 0, 100);
const ids = (v: unknown) => Array.isArray(v) && v.length <= 1000 && v.every(isId);

function isTurn(t: unknown): boolean {
  return (
    isObj(t) &&
    onlyKeys(t, TURN_KEYS) &&
    isId(t.node) &&
    (t.responseId === null || isId(t.responseId)) &&
    (t.text === undefined || (isStr(t.text) && t.text.length >= 1 && t.text.length <= 4000)) &&
    (t.silence === undefined || t.silence === true) &&
    (t.reading === undefined || isReading(t.reading)) &&
    isTime(t.at) &&
    (t.msToAnswer === null || isNum(t.msToAnswer, 0, 8.64e7))
  );
}

function isReading(r: unknown): boolean {
  return (
    isObj(r) &&
    onlyKeys(r, READING_KEYS) &&
    isStr(r.analyser) &&
    r.analyser.length >= 1 &&
    r.analyser.length <= 64 &&
    Array.isArray(r.evidence) &&
    r.evidence.length <= 100 &&
    r.evidence.every(
      (e) =>
        isObj(e) &&
        onlyKeys(e, READ_EVIDENCE_KEYS) &&
        isId(e.rule) &&
        (e.verdict === 'met' || e.verdict === 'violated') &&
        isStr(e.cue) &&
        e.cue.length <= 100 &&
        isStr(e.quote) &&
        e.quote.length <= 4000,
    ) &&
    (r.responseId === null || isId(r.responseId)) &&
    isNum(r.confidence, -1000, 1000) &&
    Array.isArray(r.shared) &&
    r.shared.length <= 100 &&
    r.shared.every(isId) &&
    Array.isArray(r.opposed) &&
    r.opposed.length <= 100 &&
    r.opposed.every(isId) &&
    isNum(r.similarity, 0, 1)
  );
}

function isResult(r: unknown): boolean {
  if (!isObj(r) || !onlyKeys(r, RESULT_KEYS) || !isObj(r.scores) || !onlyKeys(r.scores, SCORE_KEYS))
    return false;
  const scores = r.scores;
  return (
    PRINCIPLES.every((p) => p in scores && (scores[p] === null || isScore(scores[p]))) &&
    isScore(r.overall) &&
    typeof r.passed === 'boolean' &&
    isScore(r.passMark) &&
    Array.isArray(r.critical) &&
    r.critical.length <= 1000 &&
    r.critical.every(
      (c) => isObj(c) && onlyKeys(c, RUBRIC_CRITICAL_KEYS) && isId(c.rule) && isInt(c.turn, 0),
    ) &&
    (r.outcome === null || (isStr(r.outcome) && (OUTCOMES as readonly string[]).includes(r.outcome))) &&
    Array.isArray(r.moodCurve) &&
    r.moodCurve.length <= 2000 &&
    r.moodCurve.every((m) => isObj(m) && onlyKeys(m, MOOD_KEYS) && isScore(m.anger) && isScore(m.trust)) &&
    ids(r.violated) &&
    ids(r.missed)
  );
}

const RUBRIC_CRITICAL_KEYS = new Set(['rule', 'turn']);
const MOOD_KEYS = new Set(['anger', 'trust']);
