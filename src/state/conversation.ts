import type { LocalizedText } from '@/engine/format/localized-text';
import type { Scenario } from '@/engine/format/scenario-schema';
import { DEFAULT_UNCLEAR, DEFAULT_UNCLEAR_AGAIN, sayText } from '@/engine/runtime/customer-lines';
import type { SessionState } from '@/engine/runtime/types';

/** One bubble of the conversation, still in every language: the view picks the text at render time. */
export type Line =
  | {
      kind: 'customer';
      id: string;
      node: string;
      say: LocalizedText | undefined;
      note: LocalizedText | undefined;
      ending: boolean;
    }
  | { kind: 'trainee'; id: string; turn: number; text: LocalizedText | undefined; typed: boolean }
  | { kind: 'silence'; id: string; turn: number };

function customerLine(scenario: Scenario, nodeId: string, id: string, variant: number): Line | null {
  const node = scenario.nodes[nodeId];
  if (!node) return null;
  const say = sayText(node, variant);
  if (!say && !node.note) return null;
  return { kind: 'customer', id, node: nodeId, say, note: node.note, ending: Boolean(node.ending) };
}

const reactionLine = (id: string, node: string, say: LocalizedText): Line => ({
  kind: 'customer',
  id,
  node,
  say,
  note: undefined,
  ending: false,
});

/** The conversation so far, derived from the session state alone, so a resumed attempt looks the same. */
export function conversationLines(scenario: Scenario, state: SessionState): Line[] {
  const lines: Line[] = [];
  const push = (line: Line | null) => {
    if (line) lines.push(line);
  };
  const firstStop = state.turns[0]?.node ?? state.ending?.node ?? state.node;
  push(customerLine(scenario, firstStop, 'c0', state.openingVariant ?? 0));
  let previous: SessionState['turns'][number] | undefined;
  for (const turn of state.turns) {
    const input = turn.input;
    if ('silence' in input) {
      lines.push({ kind: 'silence', id: `s${turn.turn}`, turn: turn.turn });
      continue; // the customer stays on the same line, so it is not repeated
    }
    const node = scenario.nodes[turn.node];
    if ('text' in input)
      lines.push({ kind: 'trainee', id: `t${turn.turn}`, turn: turn.turn, text: input.text, typed: true });
    else
      lines.push({
        kind: 'trainee',
        id: `t${turn.turn}`,
        turn: turn.turn,
        text: node?.responses?.find((r) => r.id === input.choice)?.text,
        typed: false,
      });
    if (turn.customer?.reply === 'unclear') {
      // The customer asks what was meant and the turn stays open: the node's line is not repeated,
      // and neither is the first reaction when the next reply is unplaceable too.
      const again = previous?.customer?.reply === 'unclear' && previous.node === turn.node;
      const said = again ? DEFAULT_UNCLEAR_AGAIN : (node?.unclear ?? DEFAULT_UNCLEAR);
      lines.push(reactionLine(`r${turn.turn}`, turn.node, said));
      previous = turn;
      continue;
    }
    const reply = node?.responses?.find((r) => r.id === turn.responseId)?.reply;
    if (turn.customer?.reply === 'response' && reply)
      lines.push(reactionLine(`r${turn.turn}`, turn.node, reply));
    const stop = turn.route[turn.route.length - 1];
    if (stop) push(customerLine(scenario, stop, `c${turn.turn}`, turn.customer?.variant ?? 0));
    previous = turn;
  }
  return lines;
}
