import type { LabelledReply } from './train';

/** Parses a JSON-lines corpus, naming the line of the first problem instead of guessing past it. */
export function parseCorpus(text: string, source: string): LabelledReply[] {
  const out: LabelledReply[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch (error) {
      throw new Error(`${source}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const o = item as Partial<LabelledReply>;
    if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.locale !== 'string')
      throw new Error(`${source}:${i + 1}: needs "id", "locale" and "text" strings`);
    const labels = o.labels ?? {};
    for (const [rule, verdict] of Object.entries(labels))
      if (verdict !== 'met' && verdict !== 'violated')
        throw new Error(`${source}:${i + 1}: label "${rule}" must be "met" or "violated"`);
    out.push({ ...o, labels } as LabelledReply);
  });
  return out;
}
