import { OUTCOMES, PERSONAS, PRINCIPLES, RULE_ID_PATTERN } from './ids';
import type { Rubric } from './rubric-schema';
import {
  everyEntry,
  isInt,
  isNum,
  isObj,
  isStr,
  isText,
  LOCALE,
  onlyKeys,
  oneOf,
  opt,
  type Obj,
} from './shape-checks';

/**
 * The rubric's counterpart of quickCheckScenario: accepts exactly what RubricSchema accepts for
 * JSON-shaped input, applying the same defaults, so the browser can load a valid rubric without zod.
 */
export function quickCheckRubric(doc: unknown): Rubric | null {
  if (!isObj(doc) || !onlyKeys(doc, RUBRIC_KEYS)) return null;
  const d = doc;
  const ok =
    opt(d.$schema, isStr) &&
    d.rubricVersion === 1 &&
    isStr(d.id) &&
    RUBRIC_ID.test(d.id) &&
    isInt(d.version, 1) &&
    Array.isArray(d.locales) &&
    d.locales.length >= 1 &&
    d.locales.every((l) => isStr(l) && LOCALE.test(l)) &&
    isText(d.title) &&
    isNum(d.passMark, 0, 100) &&
    opt(d.failOutcomes, (v) => Array.isArray(v) && v.every((o) => oneOf(o, OUTCOMES))) &&
    opt(d.repeatDecay, (v) => isNum(v, 0, 1)) &&
    isObj(d.principles) &&
    onlyKeys(d.principles, PRINCIPLE_KEYS) &&
    PRINCIPLES.every((p) => isPrinciple((d.principles as Obj)[p])) &&
    opt(
      d.personas,
      (v) =>
        isObj(v) &&
        everyEntry(
          v,
          (k, f) =>
            oneOf(k, PERSONAS) && isObj(f) && everyEntry(f, (p, n) => oneOf(p, PRINCIPLES) && isNum(n, 0, 3)),
        ),
    ) &&
    isObj(d.rules) &&
    everyEntry(d.rules, (k, r) => RULE_ID_PATTERN.test(k) && isRule(r));
  if (!ok) return null;
  const rules = Object.fromEntries(
    Object.entries(d.rules as Obj).map(([k, r]) => [
      k,
      { ...(r as Obj), weight: (r as Obj).weight ?? 1, critical: (r as Obj).critical ?? false },
    ]),
  );
  return {
    ...d,
    failOutcomes: d.failOutcomes ?? ['customer-lost', 'went-to-media', 'went-to-regulator'],
    repeatDecay: d.repeatDecay ?? 0.5,
    rules,
  } as Rubric;
}

const RUBRIC_KEYS = new Set([
  '$schema',
  'rubricVersion',
  'id',
  'version',
  'locales',
  'title',
  'passMark',
  'failOutcomes',
  'repeatDecay',
  'principles',
  'personas',
  'rules',
]);
const PRINCIPLE_KEYS = new Set<string>(PRINCIPLES);
const RULE_KEYS = new Set([
  'principle',
  'title',
  'explanation',
  'quote',
  'source',
  'weight',
  'critical',
  'mood',
  'expect',
  'cues',
]);
const MOOD_KEYS = new Set(['anger', 'trust']);
const RUBRIC_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const strings = (v: unknown, max: number, maxLength: number) =>
  Array.isArray(v) && v.length <= max && v.every((s) => isStr(s) && s.length >= 1 && s.length <= maxLength);

const isPrinciple = (v: unknown) =>
  isObj(v) && onlyKeys(v, new Set(['weight', 'title'])) && isNum(v.weight, 0, 10) && isText(v.title);
const isMood = (v: unknown) =>
  isObj(v) &&
  onlyKeys(v, MOOD_KEYS) &&
  opt(v.anger, (n) => isNum(n, -100, 100)) &&
  opt(v.trust, (n) => isNum(n, -100, 100));

function isExpectation(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.on === 'within-turns') return onlyKeys(v, new Set(['on', 'turns'])) && isInt(v.turns, 1, 50);
  return onlyKeys(v, new Set(['on'])) && oneOf(v.on, ['first-turn', 'before-ending', 'any-turn']);
}

function isRule(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, RULE_KEYS) &&
    oneOf(v.principle, PRINCIPLES) &&
    isText(v.title) &&
    isText(v.explanation) &&
    isStr(v.quote) &&
    v.quote.length >= 1 &&
    v.quote.length <= 1000 &&
    isStr(v.source) &&
    v.source.length >= 1 &&
    v.source.length <= 40 &&
    opt(v.weight, (n) => isNum(n, 0, 10)) &&
    opt(v.critical, (b) => typeof b === 'boolean') &&
    opt(
      v.mood,
      (m) =>
        isObj(m) &&
        onlyKeys(m, new Set(['met', 'violated'])) &&
        opt(m.met, isMood) &&
        opt(m.violated, isMood),
    ) &&
    opt(v.expect, isExpectation) &&
    opt(
      v.cues,
      (c) =>
        isObj(c) &&
        everyEntry(
          c,
          (k, p) =>
            LOCALE.test(k) &&
            isObj(p) &&
            onlyKeys(p, new Set(['met', 'violated'])) &&
            opt(p.met, (a) => strings(a, 200, 400)) &&
            opt(p.violated, (a) => strings(a, 200, 400)),
        ),
    )
  );
}
