/** Chinese has no spaces, so character bigrams stand in for words there. */
function features(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const w of lower.match(/[a-z0-9']+/g) ?? []) if (w.length > 1) out.add(w);
  for (const run of lower.match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** Dice overlap of word (or character-bigram) sets: 0 when nothing is shared, 1 when the same. */
export function textSimilarity(a: string, b: string): number {
  const x = features(typeof a === 'string' ? a : '');
  const y = features(typeof b === 'string' ? b : '');
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const f of x) if (y.has(f)) shared += 1;
  return (2 * shared) / (x.size + y.size);
}
