import type { Scenario } from '../format/scenario-schema';
import { LIMITS, PATTERNS } from '../format/limits';
import type { Mood, StartAt } from './types';

/**
 * Why a "play from here" start cannot be used with this scenario, or null when it can. Checked before
 * any session exists, so a preview from a node that was renamed or deleted fails with a reason
 * instead of starting on a node the scenario does not have.
 */
export function startAtProblem(scenario: Scenario, startAt: StartAt): string | null {
  if (!Object.hasOwn(scenario.nodes, startAt.node)) {
    return `startAt: the scenario '${scenario.id}' has no node '${startAt.node}'`;
  }
  for (const key of ['anger', 'trust'] as const) {
    const value = startAt.mood?.[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < LIMITS.mood.min || value > LIMITS.mood.max)
      return `startAt: ${key} ${value} is outside ${LIMITS.mood.min}–${LIMITS.mood.max}`;
  }
  const bad = (startAt.flags ?? []).find((flag) => !PATTERNS.slug.test(flag));
  if (bad !== undefined) return `startAt: '${bad}' is not a flag name (kebab-case)`;
  return null;
}

/** The mood a start begins with: the scenario's customer mood, with what `startAt` overrides. */
export const startMood = (scenario: Scenario, startAt: StartAt | undefined): Mood => ({
  ...scenario.customer.mood,
  ...(startAt?.mood?.anger !== undefined ? { anger: startAt.mood.anger } : {}),
  ...(startAt?.mood?.trust !== undefined ? { trust: startAt.mood.trust } : {}),
});
