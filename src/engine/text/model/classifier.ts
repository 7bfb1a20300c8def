import { decodeIndices } from './codec';
import { HASH_BITS, visitFeatures, type CueFeature, type Feature, type ModelFamily } from './features';

/** One label's pruned, quantised weights: bucket indices (see codec.ts) and int8 weights in base64. */
export interface PackedLabel {
  rule: string;
  verdict: 'met' | 'violated';
  bias: number;
  scale: number;
  threshold: number;
  idx: string;
  w: string;
}

export interface PackedModel {
  version: string;
  families: Record<ModelFamily, PackedLabel[]>;
}

export interface ModelHit {
  rule: string;
  verdict: 'met' | 'violated';
  probability: number;
  start: number;
  end: number;
}

interface Label {
  rule: string;
  verdict: 'met' | 'violated';
  bias: number;
  threshold: number;
}

/** Bucket → the labels it weighs on, as [label, weight] pairs (empty for most buckets). */
type Index = ReadonlyArray<ReadonlyArray<readonly [number, number]> | undefined>;

export interface LoadedModel {
  version: string;
  families: Record<ModelFamily, { labels: Label[]; index: Index }>;
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Builds an inverted index (bucket → label weights) so a prediction touches only present features. */
export function loadModel(packed: PackedModel): LoadedModel {
  const families = {} as LoadedModel['families'];
  for (const family of ['zh', 'en'] as const) {
    const labels: Label[] = [];
    const index: Array<Array<[number, number]> | undefined> = new Array(1 << HASH_BITS);
    (packed.families[family] ?? []).forEach((p, li) => {
      labels.push({ rule: p.rule, verdict: p.verdict, bias: p.bias, threshold: p.threshold });
      const idx = decodeIndices(p.idx);
      const w = new Int8Array(decodeBase64(p.w).buffer);
      for (let k = 0; k < idx.length; k += 1) (index[idx[k]!] ??= []).push([li, (w[k]! * p.scale) / 127]);
    });
    families[family] = { labels, index };
  }
  return { version: packed.version, families };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** How the model reads one reply: every label's probability, and the words behind any label. */
export interface ModelReading {
  labels: ReadonlyArray<{ rule: string; verdict: 'met' | 'violated'; threshold: number }>;
  probabilities: number[];
  /** The span of the words that pushed label `li` most ({0, 0} when no word did). */
  spanOf(li: number): { start: number; end: number };
}

export function readReply(
  model: LoadedModel,
  family: ModelFamily,
  text: string,
  opening: boolean,
  cues: readonly CueFeature[] = [],
): ModelReading {
  const { labels, index } = model.families[family];
  const logits = labels.map((l) => l.bias);
  const present: Feature[] = [];
  // Only each bucket's first occurrence counts (features are binary), and its span is the one quoted.
  const seen = new Uint8Array(1 << HASH_BITS);
  if (labels.length > 0)
    visitFeatures(text, family, opening, cues, (hash, start, end) => {
      if (seen[hash]) return;
      seen[hash] = 1;
      present.push({ hash, start, end });
      const list = index[hash];
      if (list) for (const [li, w] of list) logits[li]! += w;
    });
  return { labels, probabilities: logits.map(sigmoid), spanOf: (li) => explain(index, li, present) };
}

/**
 * Labels whose probability clears their threshold, each with the span of the words that pushed it
 * most: the strongest feature, widened to the other strong features within a short distance.
 */
export function predict(
  model: LoadedModel,
  family: ModelFamily,
  text: string,
  opening: boolean,
  cues: readonly CueFeature[] = [],
): ModelHit[] {
  const reading = readReply(model, family, text, opening, cues);
  const hits: ModelHit[] = [];
  reading.labels.forEach((label, li) => {
    const probability = reading.probabilities[li]!;
    if (probability < label.threshold) return;
    hits.push({ rule: label.rule, verdict: label.verdict, probability, ...reading.spanOf(li) });
  });
  return hits;
}

const NEAR = 12;

function explain(index: Index, li: number, present: Feature[]): { start: number; end: number } {
  const scored: Array<{ f: Feature; w: number }> = [];
  for (const f of present) {
    if (f.end <= f.start) continue;
    const w = index[f.hash]?.find(([l]) => l === li)?.[1] ?? 0;
    if (w > 0) scored.push({ f, w });
  }
  if (scored.length === 0) return { start: 0, end: 0 };
  scored.sort((a, b) => b.w - a.w);
  const top = scored[0]!;
  let { start, end } = top.f;
  for (const { f, w } of scored.slice(1, 6)) {
    if (w < top.w * 0.35) break;
    if (f.start <= end + NEAR && f.end >= start - NEAR) {
      start = Math.min(start, f.start);
      end = Math.max(end, f.end);
    }
  }
  return { start, end };
}
