import {
  CHANNELS,
  DIFFICULTIES,
  NODE_ID_PATTERN,
  OUTCOMES,
  PERSONAS,
  PRINCIPLES,
  PROMISE_STATES,
  RULE_ID_PATTERN,
  TEMPERAMENTS,
} from './ids';
import type { Scenario } from './scenario-schema';
import {
  everyEntry,
  isArr,
  isInt,
  isNum,
  isObj,
  isStr,
  isText,
  LOCALE,
  onlyKeys,
  oneOf,
  opt,
  remembered,
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
    d.schemaVersion === 1 &&
    isStr(d.id) &&
    SCENARIO_ID.test(d.id) &&
    isInt(d.version, 1, Number.MAX_SAFE_INTEGER) &&
    isArr(d.locales, 1, 8, (l) => isStr(l) && LOCALE.test(l)) &&
    isText(d.title) &&
    isText(d.brief) &&
    opt(d.role, isText) &&
    oneOf(d.channel, CHANNELS) &&
    opt(d.difficulty, (v) => oneOf(v, DIFFICULTIES)) &&
    opt(d.minutes, (v) => isInt(v, 1, 120)) &&
    opt(d.tags, (v) => isArr(v, 0, 20, (t) => isStr(t) && t.length <= 40)) &&
    isCustomer(d.customer) &&
    opt(d.rubric, (v) => isStr(v) && RUBRIC_ID.test(v)) &&
    opt(
      d.weights,
      (w) => isObj(w) && Object.entries(w).every(([k, v]) => oneOf(k, PRINCIPLES) && isNum(v, 0, 10)),
    ) &&
    isNodeId(d.start) &&
    isObj(d.nodes) &&
    Object.keys(d.nodes).length > 0 &&
    everyEntry(d.nodes, (k, n) => NODE_ID_PATTERN.test(k) && !FORBIDDEN_IDS.has(k) && isNode(n));
  if (!ok) return null;
  return {
    ...d,
    difficulty: d.difficulty ?? 'medium',
    minutes: d.minutes ?? 5,
    rubric: d.rubric ?? 'default',
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
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RUBRIC_ID = /^[a-z0-9-]+$/;
const FLAG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const AVATAR = /^[a-z0-9-]{1,32}$/;

const isNodeId = (v: unknown) => isStr(v) && NODE_ID_PATTERN.test(v);

const isRuleKey = remembered(RULE_ID_PATTERN);
const isFlag = (v: unknown) => isStr(v) && FLAG.test(v);
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
    isNum(v.mood.anger, 0, 100) &&
    isNum(v.mood.trust, 0, 100) &&
    opt(v.avatar, (a) => isStr(a) && AVATAR.test(a))
  );
}

function isMood(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, MOOD_KEYS) &&
    opt(v.anger, (n) => isNum(n, -100, 100)) &&
    opt(v.trust, (n) => isNum(n, -100, 100))
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
        0,
        20,
        (b) => isObj(b) && onlyKeys(b, BRANCH_KEYS) && isCondition(b.if, 0) && isNodeId(b.next),
      ),
    ) &&
    opt(v.otherwise, isNodeId) &&
    opt(v.responses, (r) => isArr(r, 1, 8, isResponse)) &&
    opt(v.freeText, (b) => typeof b === 'boolean') &&
    opt(v.timeLimit, (n) => isInt(n, 3, 600)) &&
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
    1,
    12,
    (x) => isObj(x) && onlyKeys(x, VARIANT_KEYS) && opt(x.if, (c) => isCondition(c, 0)) && isText(x.text),
  );
}

function isResponse(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, RESPONSE_KEYS)) return false;
  return (
    isStr(v.id) &&
    NODE_ID_PATTERN.test(v.id) &&
    isText(v.text) &&
    opt(v.rules, (r) => isObj(r) && everyEntry(r, (k, n) => isRuleKey(k) && isInt(n, -3, 3) && n !== 0)) &&
    opt(v.mood, isMood) &&
    opt(v.set, (s) => isArr(s, 0, 20, isFlag)) &&
    opt(v.unset, (s) => isArr(s, 0, 20, isFlag)) &&
    opt(v.keep, (s) => isArr(s, 0, 20, isFlag)) &&
    opt(
      v.promise,
      (p) =>
        isObj(p) &&
        onlyKeys(p, PROMISE_KEYS) &&
        isFlag(p.id) &&
        isText(p.what) &&
        isObj(p.due) &&
        onlyKeys(p.due, DUE_KEYS) &&
        isInt(p.due.turns, 1, 50),
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
  // Conditions nest two levels a step ({all: [...]}); past 25 the guard's depth limit decides.
  if (!isObj(v) || depth > 25) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  const value = v[keys[0]!];
  switch (keys[0]) {
    case 'anger':
    case 'trust':
    case 'turn':
      return isComparison(value);
    case 'flag':
      return isStr(value) && value.length >= 1;
    case 'promise':
      return (
        isObj(value) &&
        onlyKeys(value, PROMISE_TEST_KEYS) &&
        isStr(value.id) &&
        value.id.length >= 1 &&
        oneOf(value.is, PROMISE_STATES)
      );
    case 'all':
    case 'any':
      return Array.isArray(value) && value.length >= 1 && value.every((c) => isCondition(c, depth + 1));
    case 'not':
      return isCondition(value, depth + 1);
    default:
      return false;
  }
}
