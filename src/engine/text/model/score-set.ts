import type { LabelledReply } from './train';

/** The rules the labelled sets judge (as in test/fixtures/freetext/evaluate.mjs). */
export const SCORED_RULES = new Set([
  'listening.paraphrase',
  'listening.clarify-gently',
  'listening.record',
  'apology.sincere',
  'apology.empathy',
  'apology.common-ground',
  'apology.thank',
  'apology.own-mistake',
  'apology.no-excuses',
  'resolution.ask-preference',
  'resolution.offer-options',
  'resolution.get-consent',
  'resolution.no-overpromise',
  'resolution.concrete-commitment',
  'resolution.ownership',
  'resolution.keep-informed',
  'resolution.confirm-close',
  'resolution.follow-up',
  'etiquette.greeting',
  'etiquette.no-blame',
  'etiquette.no-argue',
  'etiquette.no-dismissal',
  'etiquette.no-disparage',
  'etiquette.positive-framing',
  'etiquette.closing',
]);

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision and recall per rule and overall, counted exactly as evaluate.mjs counts them. */
export function scoreSet(items: readonly LabelledReply[], hits: ReadonlyMap<string, Record<string, string>>) {
  const perRule = new Map<string, Tally>();
  const bump = (rule: string, key: keyof Tally) => {
    const t = perRule.get(rule) ?? { tp: 0, fp: 0, fn: 0 };
    t[key] += 1;
    perRule.set(rule, t);
  };
  for (const item of items) {
    const got = hits.get(item.id) ?? {};
    const ignore = new Set(item.ignore ?? []);
    const inScope = (rule: string) =>
      SCORED_RULES.has(rule) &&
      !ignore.has(rule) &&
      (rule !== 'etiquette.greeting' || item.position === 'opening');
    const rules = new Set([...Object.keys(item.labels), ...Object.keys(got)].filter(inScope));
    for (const rule of rules) {
      const want = item.labels[rule];
      const have = got[rule];
      if (want && have === want) bump(rule, 'tp');
      else {
        if (have) bump(rule, 'fp');
        if (want) bump(rule, 'fn');
      }
    }
  }
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const t of perRule.values()) {
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  return { perRule, ...ratios(total) };
}

export function ratios(t: Tally) {
  return {
    precision: t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1,
    recall: t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1,
  };
}
