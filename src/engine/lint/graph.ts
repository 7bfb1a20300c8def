import type { Scenario } from '../format/scenario-schema';

/** Outgoing edges of every node: responses, branches and `otherwise`. */
export function edges(scenario: Scenario): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const targets = [
      ...(node.responses ?? []).map((r) => r.next),
      ...(node.when ?? []).map((b) => b.next),
      ...(node.otherwise ? [node.otherwise] : []),
    ];
    out.set(
      id,
      targets.filter((t) => t in scenario.nodes),
    );
  }
  return out;
}

export function reachableFrom(startIds: readonly string[], graph: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...startIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of graph.get(id) ?? []) if (!seen.has(next)) stack.push(next);
  }
  return seen;
}

export function reverse(graph: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>([...graph.keys()].map((k) => [k, []]));
  for (const [from, targets] of graph) for (const to of targets) out.get(to)?.push(from);
  return out;
}

/** Nodes from which no ending can be reached: a conversation entering them can never finish. */
export function trappedNodes(scenario: Scenario, graph: Map<string, string[]>): Set<string> {
  const endings = Object.entries(scenario.nodes)
    .filter(([, n]) => n.ending)
    .map(([id]) => id);
  const canFinish = reachableFrom(endings, reverse(graph));
  return new Set([...graph.keys()].filter((id) => !canFinish.has(id)));
}

/** Cycles made only of automatic branch nodes (no trainee turn in between) loop without input. */
export function automaticCycles(scenario: Scenario): string[][] {
  const auto = new Map<string, string[]>();
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (node.ending) continue;
    const targets = [...(node.when ?? []).map((b) => b.next), ...(node.otherwise ? [node.otherwise] : [])];
    auto.set(
      id,
      targets.filter((t) => t in scenario.nodes && !scenario.nodes[t]?.ending),
    );
  }
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  for (const root of auto.keys()) {
    if (state.has(root)) continue;
    const stack: Array<{ id: string; i: number }> = [{ id: root, i: 0 }];
    const path: string[] = [root];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = auto.get(top.id) ?? [];
      if (top.i >= targets.length) {
        state.set(top.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const next = targets[top.i++]!;
      if (state.get(next) === 1) cycles.push(path.slice(path.indexOf(next)));
      else if (!state.has(next)) {
        state.set(next, 1);
        stack.push({ id: next, i: 0 });
        path.push(next);
      }
    }
  }
  return cycles;
}
