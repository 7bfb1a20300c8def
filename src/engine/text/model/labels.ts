/** The rule verdicts the learned classifier predicts: the rules a reply's words can show. */
export const MODEL_LABELS: ReadonlyArray<{ rule: string; verdict: 'met' | 'violated' }> = [
  { rule: 'listening.paraphrase', verdict: 'met' },
  { rule: 'listening.clarify-gently', verdict: 'met' },
  { rule: 'listening.clarify-gently', verdict: 'violated' },
  { rule: 'listening.record', verdict: 'met' },
  { rule: 'apology.sincere', verdict: 'met' },
  { rule: 'apology.empathy', verdict: 'met' },
  { rule: 'apology.common-ground', verdict: 'met' },
  { rule: 'apology.thank', verdict: 'met' },
  { rule: 'apology.own-mistake', verdict: 'met' },
  { rule: 'apology.no-excuses', verdict: 'violated' },
  { rule: 'resolution.ask-preference', verdict: 'met' },
  { rule: 'resolution.offer-options', verdict: 'met' },
  { rule: 'resolution.get-consent', verdict: 'met' },
  { rule: 'resolution.no-overpromise', verdict: 'violated' },
  { rule: 'resolution.concrete-commitment', verdict: 'met' },
  { rule: 'resolution.ownership', verdict: 'met' },
  { rule: 'resolution.keep-informed', verdict: 'met' },
  { rule: 'resolution.confirm-close', verdict: 'met' },
  { rule: 'resolution.follow-up', verdict: 'met' },
  { rule: 'etiquette.greeting', verdict: 'met' },
  { rule: 'etiquette.greeting', verdict: 'violated' },
  { rule: 'etiquette.no-blame', verdict: 'violated' },
  { rule: 'etiquette.no-argue', verdict: 'violated' },
  { rule: 'etiquette.no-dismissal', verdict: 'violated' },
  { rule: 'etiquette.no-disparage', verdict: 'violated' },
  { rule: 'etiquette.positive-framing', verdict: 'violated' },
  { rule: 'etiquette.closing', verdict: 'met' },
];

/** Judged only on the reply that opens the call. */
export const OPENING_ONLY = new Set(['etiquette.greeting']);
