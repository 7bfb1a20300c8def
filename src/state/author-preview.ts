import { LIMITS } from '@/engine/format/limits';
import type { Condition } from '@/engine/format/condition';
import type { Scenario } from '@/engine/format/scenario-schema';
import { startAtProblem } from '@/engine/runtime/start-at';
import type { StartAt } from '@/engine/runtime/types';
import { navigate, routeHref } from './route';
import { useAuthor } from './author-store';

// "Play from here": the Author view's preview of the draft from any node, with a chosen starting
// mood and flags, played in the real Play view and ending in the real debrief (never stored).

/** The range a starting mood may take (the schema's), for the panel's inputs. */
export const MOOD_RANGE = LIMITS.mood;

/** Every flag the scenario's conditions and responses use, sorted: the flags a start may set. */
export function scenarioFlags(scenario: Scenario): string[] {
  const flags = new Set<string>();
  const visit = (condition: Condition | undefined): void => {
    if (!condition) return;
    if ('flag' in condition) flags.add(condition.flag);
    else if ('all' in condition) condition.all.forEach(visit);
    else if ('any' in condition) condition.any.forEach(visit);
    else if ('not' in condition) visit(condition.not);
  };
  for (const node of Object.values(scenario.nodes)) {
    node.when?.forEach((branch) => visit(branch.if));
    if (Array.isArray(node.say)) node.say.forEach((variant) => visit(variant.if));
    for (const response of node.responses ?? [])
      for (const flag of [...(response.set ?? []), ...(response.unset ?? [])]) flags.add(flag);
  }
  return [...flags].sort();
}

export type PreviewFromResult = { ok: true; id: string } | { ok: false; problem: string };

/**
 * Registers the checked draft as a preview starting at `startAt` and opens it in Play. Refused, with
 * the engine's reason, when the draft has no such node (or the mood or a flag is out of bounds), and
 * when the draft has changed since it was checked.
 */
export function playFrom(startAt: StartAt): PreviewFromResult {
  const scenario = useAuthor.getState().check?.scenario;
  const problem = scenario ? startAtProblem(scenario, startAt) : null;
  if (problem) return { ok: false, problem };
  const id = useAuthor.getState().preview(startAt);
  if (!id) return { ok: false, problem: 'not-checked' };
  navigate(routeHref.play(id));
  return { ok: true, id };
}
