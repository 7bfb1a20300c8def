import type { ScenarioResponse } from '../format/scenario-schema';

// FNV-1a: a stable 32-bit hash of the node id, so each node gets its own order from one attempt seed.
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order a node's responses are shown in, as indices into the authored list. A `null` seed keeps
 * the authored order (attempts saved before orders were shuffled). The order depends only on the seed
 * and the node, so a resumed, replayed or verified attempt shows exactly what the trainee saw.
 */
export function displayOrder(seed: number | null, node: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (seed === null) return order;
  const next = mulberry32(seed ^ hashString(node));
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function shownResponses(
  responses: readonly ScenarioResponse[],
  seed: number | null,
  node: string,
): ScenarioResponse[] {
  return displayOrder(seed, node, responses.length).map((i) => responses[i]!);
}

/** A valid seed: the caller draws it (the engine itself uses no randomness). */
export const isSeed = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
