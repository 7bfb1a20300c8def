import { CHANNELS, DIFFICULTIES, OUTCOMES, PERSONAS, PRINCIPLES, PROMISE_STATES, TEMPERAMENTS } from './ids';
import { DEFAULTS, LIMITS, PATTERNS, SCENARIO_SCHEMA_VERSION } from './limits';
import type { Scenario } from './scenario-schema';
import {
  everyEntry,
  intIn,
  isArr,
  isLocale,
  isNum,
  isObj,
  isStr,
  isText,
  numIn,
  onlyKeys,
  oneOf,
  opt,
  remembered,
  strIn,
} from './shape-checks';

/**
 * A hand-written fast path that accepts exactly what ScenarioSchema accepts, for JSON-shaped input.
 * Zod stays the source of truth (types, JSON Schema, diagnostics): the loader runs it whenever this
 * says no, and a property test checks the two agree. It exists because zod takes ~0.5 s on a
 * 10,000-node scenario and the loader's budget is 150 ms.
 */
export function quickCheckScenario(doc: unknown): Scenario | null {
  if (!isObj(doc) || !onlyKeys(doc, SCENARIO_KEYS)) return null;
  const d = doc;
  const ok =
    opt(d.$schema, isStr) &&
    d.schemaVersion === SCENARIO_SCHEMA_VERSION &&
    isStr(d.id) &&
    PATTERNS.slug.test(d.id) &&
    intIn(d.version, LIMITS.documentVersion) &&
    isArr(d.locales, LIMITS.scenarioLocalesCount, (l) => isStr(l) && isLocale(l)) &&
    isText(d.title) &&
    isText(d.brief) &&
    opt(d.role, isText) &&
    oneOf(d.channel, CHANNELS) &&
    opt(d.difficulty, (v) => oneOf(v, DIFFICULTIES)) &&
    opt(d.minutes, (v) => intIn(v, LIMITS.minutes)) &&
    opt(d.tags, (v) => isArr(v, LIMITS.tagsCount, (t) => strIn(t, LIMITS.tagLength))) &&
    isCustomer(d.customer) &&
    opt(d.rubric, (v) => isStr(v) && PATTERNS.rubricRef.test(v)) &&
    opt(
      d.weights,
      (w) => isObj(w) && everyEntry(w, (k, v) => oneOf(k, PRINCIPLES) && numIn(v, LIMITS.principleWeight)),
    ) &&
    isNodeId(d.start) &&
    isObj(d.nodes) &&
    everyEntry(d.nodes, (k, n) => isNodeKey(k) && !FORBIDDEN_IDS.has(k) && isNode(n)) &&
    hasAKey(d.nodes);
  if (!ok) return null;
  return {
    ...d,
    difficulty: d.difficulty ?? DEFAULTS.difficulty,
    minutes: d.minutes ?? DEFAULTS.minutes,
    rubric: d.rubric ?? DEFAULTS.rubric,
  } as Scenario;
}

const SCENARIO_KEYS = new Set([
  '$schema',
  'schemaVersion',
  'id',
  'version',
  'locales',
  'title',
  'brief',
  'role',
  'channel',
  'difficulty',
  'minutes',
  'tags',
  'customer',
  'rubric',
  'weights',
  'start',
  'nodes',
]);
const NODE_KEYS = new Set([
  'say',
  'sayFits',
  'unclear',
  'note',
  'when',
  'otherwise',
  'responses',
  'freeText',
  'timeLimit',
  'ending',
]);
const RESPONSE_KEYS = new Set([
  'id',
  'text',
  'rules',
  'mood',
  'set',
  'unset',
  'promise',
  'keep',
  'feedback',
  'reply',
  'next',
]);
const VARIANT_KEYS = new Set(['if', 'text']);
const CUSTOMER_KEYS = new Set(['name', 'persona', 'temperament', 'mood', 'avatar']);
const COMPARISON_KEYS = new Set(['gte', 'gt', 'lte', 'lt', 'eq']);
const MOOD_KEYS = new Set(['anger', 'trust']);
const BRANCH_KEYS = new Set(['if', 'next']);
const ENDING_KEYS = new Set(['outcome', 'say', 'summary']);
const PROMISE_KEYS = new Set(['id', 'what', 'due']);
const DUE_KEYS = new Set(['turns']);
const PROMISE_TEST_KEYS = new Set(['id', 'is']);
// Node ids the loader refuses (prototype-named keys): the fast path must never vouch for them.
const FORBIDDEN_IDS = new Set(['constructor', 'prototype']);
// Conditions nest two levels a step ({all: [...]}); past this many the guard's depth limit decides.
const QUICK_CONDITION_DEPTH = 25;

const isNodeKey = remembered(PATTERNS.nodeId);
const isNodeId = (v: unknown) => isStr(v) && isNodeKey(v);
const isRuleKey = remembered(PATTERNS.ruleId);
const isFlagName = remembered(PATTERNS.slug);
const isFlag = (v: unknown) => isStr(v) && isFlagName(v);

function hasAKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
// `undefined` values only come from object input; zod's handling of them differs subtly, so defer to it.
function isCustomer(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, CUSTOMER_KEYS) &&
    isText(v.name) &&
    oneOf(v.persona, PERSONAS) &&
    oneOf(v.temperament, TEMPERAMENTS) &&
    isObj(v.mood) &&
    onlyKeys(v.mood, MOOD_KEYS) &&
    numIn(v.mood.anger, LIMITS.mood) &&
    numIn(v.mood.trust, LIMITS.mood) &&
    opt(v.avatar, (a) => isStr(a) && PATTERNS.avatar.test(a))
  );
}

function isMood(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, MOOD_KEYS) &&
    opt(v.anger, (n) => numIn(n, LIMITS.moodDelta)) &&
    opt(v.trust, (n) => numIn(n, LIMITS.moodDelta))
  );
}

function isNode(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, NODE_KEYS)) return false;
  return (
    opt(v.say, isSay) &&
    opt(v.sayFits, (f) => f === 'any') &&
    opt(v.unclear, isText) &&
    opt(v.note, isText) &&
    opt(v.when, (w) =>
      isArr(
        w,
        LIMITS.branchesCount,
        (b) => isObj(b) && onlyKeys(b, BRANCH_KEYS) && isCondition(b.if, 0) && isNodeId(b.next),
      ),
    ) &&
    opt(v.otherwise, isNodeId) &&
    opt(v.responses, (r) => isArr(r, LIMITS.responsesCount, isResponse)) &&
    opt(v.freeText, (b) => typeof b === 'boolean') &&
    opt(v.timeLimit, (n) => intIn(n, LIMITS.timeLimit)) &&
    opt(
      v.ending,
      (e) =>
        isObj(e) &&
        onlyKeys(e, ENDING_KEYS) &&
        oneOf(e.outcome, OUTCOMES) &&
        opt(e.say, isText) &&
        opt(e.summary, isText),
    )
  );
}

function isSay(v: unknown): boolean {
  if (!Array.isArray(v)) return isText(v);
  return isArr(
    v,
    LIMITS.sayVariantsCount,
    (x) => isObj(x) && onlyKeys(x, VARIANT_KEYS) && opt(x.if, (c) => isCondition(c, 0)) && isText(x.text),
  );
}

function isResponse(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, RESPONSE_KEYS)) return false;
  return (
    isNodeId(v.id) &&
    isText(v.text) &&
    opt(
      v.rules,
      (r) => isObj(r) && everyEntry(r, (k, n) => isRuleKey(k) && intIn(n, LIMITS.ruleTag) && n !== 0),
    ) &&
    opt(v.mood, isMood) &&
    opt(v.set, (s) => isArr(s, LIMITS.flagsCount, isFlag)) &&
    opt(v.unset, (s) => isArr(s, LIMITS.flagsCount, isFlag)) &&
    opt(v.keep, (s) => isArr(s, LIMITS.flagsCount, isFlag)) &&
    opt(
      v.promise,
      (p) =>
        isObj(p) &&
        onlyKeys(p, PROMISE_KEYS) &&
        isFlag(p.id) &&
        isText(p.what) &&
        isObj(p.due) &&
        onlyKeys(p.due, DUE_KEYS) &&
        intIn(p.due.turns, LIMITS.turns),
    ) &&
    opt(v.feedback, isText) &&
    opt(v.reply, isText) &&
    isNodeId(v.next)
  );
}

function isComparison(v: unknown): boolean {
  return (
    isObj(v) &&
    Object.keys(v).length > 0 &&
    onlyKeys(v, COMPARISON_KEYS) &&
    Object.values(v).every((n) => isNum(n, -Infinity, Infinity))
  );
}

function isCondition(v: unknown, depth: number): boolean {
  if (!isObj(v) || depth > QUICK_CONDITION_DEPTH) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  const value = v[keys[0]!];
  switch (keys[0]) {
    case 'anger':
    case 'trust':
    case 'turn':
      return isComparison(value);
    case 'flag':
      return strIn(value, LIMITS.conditionNameLength);
    case 'promise':
      return (
        isObj(value) &&
        onlyKeys(value, PROMISE_TEST_KEYS) &&
        strIn(value.id, LIMITS.conditionNameLength) &&
        oneOf(value.is, PROMISE_STATES)
      );
    case 'all':
    case 'any':
      return isArr(value, LIMITS.conditionItemsCount, (c) => isCondition(c, depth + 1));
    case 'not':
      return isCondition(value, depth + 1);
    default:
      return false;
  }
}
