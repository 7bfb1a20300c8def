import { extractFeatures, type CueFeature, type Feature, type ModelFamily } from './features';

/** One label's pruned, quantised weights: bucket indices and int8 weights, both base64. */
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

export interface LoadedModel {
  version: string;
  families: Record<ModelFamily, { labels: Label[]; index: Map<number, Array<[number, number]>> }>;
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
    const index = new Map<number, Array<[number, number]>>();
    (packed.families[family] ?? []).forEach((p, li) => {
      labels.push({ rule: p.rule, verdict: p.verdict, bias: p.bias, threshold: p.threshold });
      const idxBytes = decodeBase64(p.idx);
      const idx = new Uint16Array(idxBytes.buffer, idxBytes.byteOffset, idxBytes.byteLength / 2);
      const w = new Int8Array(decodeBase64(p.w).buffer);
      for (let k = 0; k < idx.length; k += 1) {
        const list = index.get(idx[k]!) ?? [];
        list.push([li, (w[k]! * p.scale) / 127]);
        index.set(idx[k]!, list);
      }
    });
    families[family] = { labels, index };
  }
  return { version: packed.version, families };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

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
  const { labels, index } = model.families[family];
  if (labels.length === 0) return [];
  const features = extractFeatures(text, family, opening, cues);
  const logits = labels.map((l) => l.bias);
  const seen = new Set<number>();
  const present: Feature[] = [];
  for (const f of features) {
    if (seen.has(f.hash)) continue;
    seen.add(f.hash);
    present.push(f);
    const list = index.get(f.hash);
    if (list) for (const [li, w] of list) logits[li]! += w;
  }
  const hits: ModelHit[] = [];
  labels.forEach((label, li) => {
    const probability = sigmoid(logits[li]!);
    if (probability < label.threshold) return;
    const span = explain(index, li, present);
    hits.push({ rule: label.rule, verdict: label.verdict, probability, ...span });
  });
  return hits;
}

const NEAR = 12;

function explain(
  index: Map<number, Array<[number, number]>>,
  li: number,
  present: Feature[],
): { start: number; end: number } {
  const scored: Array<{ f: Feature; w: number }> = [];
  for (const f of present) {
    if (f.end <= f.start) continue;
    const w = index.get(f.hash)?.find(([l]) => l === li)?.[1] ?? 0;
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
