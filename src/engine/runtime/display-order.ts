import type { ScenarioResponse } from '../format/scenario-schema';
import { fnv1a, mulberry32 } from '../seeded-random';

/**
 * The order a node's responses are shown in, as indices into the authored list. A `null` seed keeps
 * the authored order (attempts saved before orders were shuffled). The order depends only on the seed
 * and the node, so a resumed, replayed or verified attempt shows exactly what the trainee saw.
 */
export function displayOrder(seed: number | null, node: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (seed === null) return order;
  const next = mulberry32(seed ^ fnv1a(node));
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
