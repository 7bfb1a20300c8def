import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import type { DiagnosticCode } from '../load/diagnostic';
import type { Graph } from './graph';

/** The trainers' guide's checklist (scenarios/README.md, part 5) asks for at least this many. */
export const MIN_DECISIONS = 8;

/**
 * Responses without feedback reported one by one; the rest are counted in one more warning. A
 * generated or early draft can lack feedback everywhere: 30,000 warnings would swamp the problems
 * list and lint's budget, and a trainer fixes the first ones first anyway.
 */
export const FEEDBACK_REPORTED = 100;

export type ChecklistReport = (
  code: DiagnosticCode,
  message: string,
  path: Array<string | number>,
  hint?: string,
) => void;

/**
 * The guide's checklist points that need no score search: enough decisions, every weighted
 * principle exercised, feedback on every response. (A locale missing a string is already
 * W_MISSING_TRANSLATION.) One pass over the nodes and their responses, allocating only for what it
 * reports, so it stays within lint's budget on 10,000 nodes.
 *
 * Decisions are counted in the whole scenario, not on the best path: the best path exists only after
 * the score search, which is skipped when there are errors and only approximate on large files, and
 * a scenario with fewer customer turns than the mark cannot have that many on any path. The
 * validator's summary line prints the best path's count beside it.
 */
export function checklistProblems(
  scenario: Scenario,
  graph: Graph,
  rubric: Rubric,
  add: ChecklistReport,
): void {
  let decisions = 0;
  // Bit i set when some response tags a rule of PRINCIPLES[i], either way.
  let touched = 0;
  let withoutFeedback = 0;
  const all = (1 << PRINCIPLES.length) - 1;
  for (let n = 0; n < graph.nodes.length; n += 1) {
    const responses = graph.nodes[n]!.responses;
    if (!responses) continue;
    decisions += 1;
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      if (r.feedback === undefined && ++withoutFeedback <= FEEDBACK_REPORTED)
        add(
          'W_NO_FEEDBACK',
          `response '${r.id}' has no feedback: the debrief shows nothing under it`,
          ['nodes', graph.ids[n]!, 'responses', i],
          'add "feedback" that says why the answer works or fails, quoting the manual',
        );
      if (touched === all || !r.rules) continue;
      for (const rule in r.rules) {
        const principle = rubric.rules[rule]?.principle;
        if (principle) touched |= 1 << PRINCIPLES.indexOf(principle);
      }
    }
  }
  if (withoutFeedback > FEEDBACK_REPORTED)
    add(
      'W_NO_FEEDBACK',
      `${withoutFeedback - FEEDBACK_REPORTED} more responses have no feedback (the first ${FEEDBACK_REPORTED} are listed)`,
      ['nodes'],
    );
  if (decisions < MIN_DECISIONS)
    add(
      'W_FEW_DECISIONS',
      `${decisions} decision${decisions === 1 ? '' : 's'} in the scenario; the guide asks for at least ${MIN_DECISIONS} on the best path`,
      ['nodes'],
      'a real complaint takes vent, apology, facts, paraphrase, options, consent, commitment and close',
    );
  for (let p = 0; p < PRINCIPLES.length; p += 1) {
    if (touched & (1 << p)) continue;
    const principle: Principle = PRINCIPLES[p]!;
    // A principle the scenario or rubric weighs at 0 is left out of the score on purpose.
    if ((scenario.weights?.[principle] ?? rubric.principles[principle].weight) <= 0) continue;
    add(
      'W_PRINCIPLE_UNUSED',
      `no response tags a rule of '${principle}': the scenario never exercises it`,
      ['nodes'],
      `tag the answers that meet or break a ${principle} rule (${exampleRule(rubric, principle)})`,
    );
  }
}

function exampleRule(rubric: Rubric, principle: Principle): string {
  for (const id in rubric.rules) if (rubric.rules[id]!.principle === principle) return id;
  return `${principle}.*`;
}
