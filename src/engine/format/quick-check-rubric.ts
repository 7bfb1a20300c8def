import { OUTCOMES, PERSONAS, PRINCIPLES } from './ids';
import { DEFAULTS, LIMITS, PATTERNS, RUBRIC_SCHEMA_VERSION } from './limits';
import type { Rubric } from './rubric-schema';
import {
  everyEntry,
  intIn,
  isArr,
  isLocale,
  isObj,
  isStr,
  isText,
  numIn,
  onlyKeys,
  oneOf,
  opt,
  strIn,
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
    d.rubricVersion === RUBRIC_SCHEMA_VERSION &&
    isStr(d.id) &&
    PATTERNS.slug.test(d.id) &&
    intIn(d.version, LIMITS.documentVersion) &&
    isArr(d.locales, LIMITS.rubricLocalesCount, (l) => isStr(l) && isLocale(l)) &&
    isText(d.title) &&
    numIn(d.passMark, LIMITS.passMark) &&
    opt(d.failOutcomes, (v) => Array.isArray(v) && v.every((o) => oneOf(o, OUTCOMES))) &&
    opt(d.repeatDecay, (v) => numIn(v, LIMITS.repeatDecay)) &&
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
            oneOf(k, PERSONAS) &&
            isObj(f) &&
            everyEntry(f, (p, n) => oneOf(p, PRINCIPLES) && numIn(n, LIMITS.personaFactor)),
        ),
    ) &&
    isObj(d.rules) &&
    everyEntry(d.rules, (k, r) => PATTERNS.ruleId.test(k) && isRule(r));
  if (!ok) return null;
  const rules = Object.fromEntries(
    Object.entries(d.rules as Obj).map(([k, r]) => [
      k,
      {
        ...(r as Obj),
        weight: (r as Obj).weight ?? DEFAULTS.ruleWeight,
        critical: (r as Obj).critical ?? DEFAULTS.critical,
      },
    ]),
  );
  return {
    ...d,
    failOutcomes: d.failOutcomes ?? [...DEFAULTS.failOutcomes],
    repeatDecay: d.repeatDecay ?? DEFAULTS.repeatDecay,
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

const cuePatterns = (v: unknown) =>
  isArr(v, LIMITS.cuePatternsCount, (s) => strIn(s, LIMITS.cuePatternLength));

const isPrinciple = (v: unknown) =>
  isObj(v) &&
  onlyKeys(v, new Set(['weight', 'title'])) &&
  numIn(v.weight, LIMITS.principleWeight) &&
  isText(v.title);
const isMood = (v: unknown) =>
  isObj(v) &&
  onlyKeys(v, MOOD_KEYS) &&
  opt(v.anger, (n) => numIn(n, LIMITS.moodDelta)) &&
  opt(v.trust, (n) => numIn(n, LIMITS.moodDelta));

function isExpectation(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.on === 'within-turns') return onlyKeys(v, new Set(['on', 'turns'])) && intIn(v.turns, LIMITS.turns);
  return onlyKeys(v, new Set(['on'])) && oneOf(v.on, ['first-turn', 'before-ending', 'any-turn']);
}

function isRule(v: unknown): boolean {
  return (
    isObj(v) &&
    onlyKeys(v, RULE_KEYS) &&
    oneOf(v.principle, PRINCIPLES) &&
    isText(v.title) &&
    isText(v.explanation) &&
    strIn(v.quote, LIMITS.quoteLength) &&
    strIn(v.source, LIMITS.sourceLength) &&
    opt(v.weight, (n) => numIn(n, LIMITS.ruleWeight)) &&
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
            isLocale(k) &&
            isObj(p) &&
            onlyKeys(p, new Set(['met', 'violated'])) &&
            opt(p.met, cuePatterns) &&
            opt(p.violated, cuePatterns),
        ),
    )
  );
}
