import type { ScenarioResponse } from '../format/scenario-schema';
import { respond } from '../runtime/session';
import type { Session } from '../runtime/types';

/** Longest path a search follows; a conversation still going past it is cut, and the search is not exact. */
export const MAX_PATH_TURNS = 80;

/**
 * Steps a search takes once it knows it cannot prove its answer (a path has run past MAX_PATH_TURNS:
 * no budget can make it exact then): after the cut, or after its first complete attempt when another
 * walk found the cut. It keeps what it found after this short look further instead of spending the
 * whole budget on a proof that cannot come. No shipped scenario has such a path.
 */
export const STEPS_AFTER_CUT = 100;

export interface TraverseOptions<T> {
  /** Respond calls the traversal may make; past it, it stops and reports `exhausted`. */
  budget: number;
  /** Called for every attempt that ends (and is not pruned), with the choices that led there. */
  visit: (session: Session, choices: readonly string[], carried: T) => void;
  /** True when nothing below this session can matter (branch and bound): it is neither visited nor expanded. */
  prune?: (session: Session, carried: T) => boolean;
  /** True when the whole traversal is done early (an optimum that cannot be beaten was found). */
  stop?: () => boolean;
  /** What each path carries down, from the parent's and the session just reached (evidence tallies). */
  carry?: (carried: T, session: Session) => T;
  initial?: T;
  /** The responses to try at a node, in order; the authored order when absent. */
  order?: (node: string, responses: readonly ScenarioResponse[]) => readonly ScenarioResponse[];
  /**
   * Steps allowed once a path has been cut at MAX_PATH_TURNS. A cut traversal can never be exact,
   * however much budget is left, so a search that only wants a proof stops soon after.
   */
  afterCut?: number;
  /** Steps allowed once the first attempt has ended: for a search already known not to be provable. */
  afterFirst?: number;
}

export interface Traversal {
  /** Respond calls made. */
  steps: number;
  /** The budget ran out before every path was followed. */
  exhausted: boolean;
  /** A path ran past MAX_PATH_TURNS, or reached a node it could not answer. */
  cut: boolean;
}

/**
 * Depth-first traversal of every way through a session with the real runtime: one trainee choice
 * per step, automatic branches as the runtime takes them. The optimiser, the path search and the
 * path count are all this walk with different `visit`, `prune` and `budget`.
 */
export function traverse<T = undefined>(from: Session, options: TraverseOptions<T>): Traversal {
  const { visit, prune, stop, carry, order, afterCut, afterFirst } = options;
  const nodes = from.scenario.nodes;
  const choices: string[] = [];
  let limit = options.budget;
  let steps = 0;
  let exhausted = false;
  let cut = false;
  let ended = false;

  const dive = (session: Session, carried: T): void => {
    if (prune?.(session, carried)) return;
    if (session.state.status === 'ended') {
      if (!ended && afterFirst !== undefined) limit = Math.min(limit, steps + afterFirst);
      ended = true;
      return visit(session, choices, carried);
    }
    const node = session.state.node;
    const responses = nodes[node]?.responses;
    if (!responses || choices.length >= MAX_PATH_TURNS) {
      if (!cut && afterCut !== undefined) limit = Math.min(limit, steps + afterCut);
      cut = true;
      return;
    }
    const ordered = order ? order(node, responses) : responses;
    for (let k = 0; k < ordered.length; k += 1) {
      const response = ordered[k]!;
      if (stop?.()) return;
      if (steps >= limit) {
        exhausted = true;
        return;
      }
      steps += 1;
      choices.push(response.id);
      const next = respond(session, { choice: response.id }).session;
      dive(next, carry ? carry(carried, next) : carried);
      choices.pop();
    }
  };
  dive(from, options.initial as T);
  return { steps, exhausted, cut };
}
