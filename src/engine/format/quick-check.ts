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
    areNodes(d.nodes);
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
const isNodeId = (v: unknown) => typeof v === 'string' && isNodeKey(v);
const isRuleKey = remembered(PATTERNS.ruleId);
const isFlagName = remembered(PATTERNS.slug);
const isFlag = (v: unknown) => isStr(v) && isFlagName(v);

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

// The checks below run for every response and condition of a large file: no closures made per
// call, no key arrays, so they allocate nothing.
const { moodDelta, conditionItemsCount } = LIMITS;

function isMood(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, MOOD_KEYS) &&
    (v.anger === undefined || numIn(v.anger, moodDelta)) &&
    (v.trust === undefined || numIn(v.trust, moodDelta))
  );
}

// The hot part: every node, response and text of a large file. Each object is read in one pass over
// its keys, each key checked where it is met: an unknown key, or one set to `undefined` (every check
// refuses it), fails at once, and required keys are counted.

function areNodes(v: unknown): boolean {
  if (!isObj(v)) return false;
  let count = 0;
  for (const k in v) {
    if (!isNodeKey(k) || FORBIDDEN_IDS.has(k) || !isNode(v[k])) return false;
    count += 1;
  }
  return count > 0;
}

function isNode(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'say':
        if (!isSay(x)) return false;
        break;
      case 'sayFits':
        if (x !== 'any') return false;
        break;
      case 'unclear':
      case 'note':
        if (!isText(x)) return false;
        break;
      case 'when':
        if (!isArr(x, LIMITS.branchesCount, isBranch)) return false;
        break;
      case 'otherwise':
        if (!isNodeId(x)) return false;
        break;
      case 'responses':
        if (!isArr(x, LIMITS.responsesCount, isResponse)) return false;
        break;
      case 'freeText':
        if (typeof x !== 'boolean') return false;
        break;
      case 'timeLimit':
        if (!intIn(x, LIMITS.timeLimit)) return false;
        break;
      case 'ending':
        if (!isEnding(x)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

const isBranch = (b: unknown) =>
  isObj(b) && onlyKeys(b, BRANCH_KEYS) && isCondition(b.if, 0) && isNodeId(b.next);

const isEnding = (e: unknown) =>
  isObj(e) &&
  onlyKeys(e, ENDING_KEYS) &&
  oneOf(e.outcome, OUTCOMES) &&
  opt(e.say, isText) &&
  opt(e.summary, isText);

const isVariant = (x: unknown) =>
  isObj(x) && onlyKeys(x, VARIANT_KEYS) && opt(x.if, isTopCondition) && isText(x.text);

const isTopCondition = (c: unknown) => isCondition(c, 0);

function isSay(v: unknown): boolean {
  return Array.isArray(v) ? isArr(v, LIMITS.sayVariantsCount, isVariant) : isText(v);
}

const isFlags = (s: unknown) => isArr(s, LIMITS.flagsCount, isFlag);

function isRules(r: unknown): boolean {
  if (!isObj(r)) return false;
  for (const k in r) {
    const n = r[k];
    if (!isRuleKey(k) || !intIn(n, LIMITS.ruleTag) || n === 0) return false;
  }
  return true;
}

const isPromise = (p: unknown) =>
  isObj(p) &&
  onlyKeys(p, PROMISE_KEYS) &&
  isFlag(p.id) &&
  isText(p.what) &&
  isObj(p.due) &&
  onlyKeys(p.due, DUE_KEYS) &&
  intIn(p.due.turns, LIMITS.turns);

function isResponse(v: unknown): boolean {
  if (!isObj(v)) return false;
  let required = 0;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'id':
      case 'next':
        if (!isNodeId(x)) return false;
        required += 1;
        break;
      case 'text':
        if (!isText(x)) return false;
        required += 1;
        break;
      case 'rules':
        if (!isRules(x)) return false;
        break;
      case 'mood':
        if (!isMood(x)) return false;
        break;
      case 'set':
      case 'unset':
      case 'keep':
        if (!isFlags(x)) return false;
        break;
      case 'promise':
        if (!isPromise(x)) return false;
        break;
      case 'feedback':
      case 'reply':
        if (!isText(x)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isComparison(v: unknown): boolean {
  if (!isObj(v)) return false;
  let count = 0;
  for (const k in v) {
    if (!COMPARISON_KEYS.has(k) || !isNum(v[k], -Infinity, Infinity)) return false;
    count += 1;
  }
  return count > 0;
}

/** The key of an object with exactly one, else null. */
function onlyKey(v: Record<string, unknown>): string | null {
  let only: string | null = null;
  for (const k in v) {
    if (only !== null) return null;
    only = k;
  }
  return only;
}

function isConditions(v: unknown, depth: number): boolean {
  if (!Array.isArray(v) || v.length < conditionItemsCount.min || v.length > conditionItemsCount.max)
    return false;
  for (const c of v) if (!isCondition(c, depth)) return false;
  return true;
}

function isCondition(v: unknown, depth: number): boolean {
  if (!isObj(v) || depth > QUICK_CONDITION_DEPTH) return false;
  const key = onlyKey(v);
  if (key === null) return false;
  const value = v[key];
  switch (key) {
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
      return isConditions(value, depth + 1);
    case 'not':
      return isCondition(value, depth + 1);
    default:
      return false;
  }
}
