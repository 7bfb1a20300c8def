import type { LocalizedText } from '../format/localized-text';
import type { ScenarioNode } from '../format/scenario-schema';
import { holds, type ConditionContext } from './conditions';

/** Which of a node's `say` variants is spoken on arrival: the first whose condition holds. */
export function sayVariant(node: ScenarioNode | undefined, ctx: ConditionContext): number {
  const say = node?.say;
  if (!Array.isArray(say)) return 0;
  const index = say.findIndex((v) => v.if === undefined || holds(v.if, ctx));
  return index < 0 ? -1 : index;
}

/** The text of the line a node speaks: the ending's line, the chosen variant, or the single `say`. */
export function sayText(node: ScenarioNode | undefined, variant = 0): LocalizedText | undefined {
  if (!node) return undefined;
  if (node.ending) return node.ending.say;
  const say = node.say;
  if (!Array.isArray(say)) return say;
  return variant >= 0 ? say[variant]?.text : undefined;
}

/** What a customer says to a typed reply that cannot be placed, when the node has no `unclear` line. */
export const DEFAULT_UNCLEAR: LocalizedText = {
  'zh-CN': '不好意思，您这是什么意思？能说清楚一点吗？',
  en: 'Sorry, what do you mean? Can you say that more plainly?',
};

/**
 * What the customer says to a second unplaceable reply in a row at the same point: not the same
 * words again (a real caller does not repeat themselves verbatim), and losing patience.
 */
export const DEFAULT_UNCLEAR_AGAIN: LocalizedText = {
  'zh-CN': '你还是没说到点子上。',
  en: "You're still not getting to the point.",
};

/**
 * The variant of the line the customer had just spoken when the trainee answered turn `turn`:
 * the variant chosen on arriving at that node (an unclear reply or a silence leaves it unchanged).
 */
export function variantBefore(
  state: {
    openingVariant?: number;
    turns: ReadonlyArray<{ customer?: { reply: string | null; variant: number } }>;
  },
  turn: number,
): number {
  for (let i = turn - 2; i >= 0; i -= 1) {
    const reaction = state.turns[i]?.customer;
    if (reaction && reaction.reply !== 'unclear') return reaction.variant;
    if (!reaction) return 0;
  }
  return state.openingVariant ?? 0;
}
