import type { Outcome } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { Scenario, ScenarioNode } from '@/engine/format/scenario-schema';
import { graphOf, reachable, trappedNodes } from '@/engine/lint/graph';
import type { PathSummary } from '@/state/author-check';

// The draft scenario as boxes and arrows for the Author view's graph: what each node is, which
// ones lint finds unreachable or trapped, and which edges the optimiser's best and worst paths take.
// Plain data, so it is built once per finished check and tested without a browser.

export type GraphNodeKind = 'turn' | 'branch' | 'ending';

export interface GraphNodeModel {
  id: string;
  kind: GraphNodeKind;
  outcome: Outcome | null;
  start: boolean;
  /** The customer's line (or the ending's), shortened. */
  text: string;
  unreachable: boolean;
  /** No ending can be reached from here (a node without a way on, or a loop with no exit). */
  deadEnd: boolean;
  best: boolean;
  worst: boolean;
}

export interface GraphEdgeModel {
  id: string;
  source: string;
  target: string;
  /** A trainee's response, or an automatic branch (`when` in order, then `otherwise`). */
  kind: 'response' | 'when' | 'otherwise';
  responseId: string | null;
  /** The response's text, shortened; empty for automatic branches. */
  text: string;
  /** 1-based place among the node's `when` branches. */
  branch: number;
  met: string[];
  violated: string[];
  best: boolean;
  worst: boolean;
}

export interface GraphModel {
  nodes: GraphNodeModel[];
  edges: GraphEdgeModel[];
  /** Node and edge ids only: layout is redone only when this changes, not when a text does. */
  shapeKey: string;
}

export interface GraphPaths {
  best: PathSummary | null;
  worst: PathSummary | null;
}

const NODE_TEXT = 48;
export const EDGE_TEXT = 24;

/** At most `max` characters (code points, so a Chinese line is cut between characters), with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

function kindOf(node: ScenarioNode): GraphNodeKind {
  if (node.ending) return 'ending';
  if (!node.responses?.length && (node.when?.length || node.otherwise)) return 'branch';
  return 'turn';
}

function lineOf(node: ScenarioNode, locale: string): string {
  const own = node.ending?.say ?? node.ending?.summary;
  if (own) return pickText(own, locale);
  const say = node.say;
  if (Array.isArray(say)) return pickText(say[0]?.text, locale);
  return pickText(say, locale);
}

const edgeIdOf = (node: string, kind: 'response' | 'when' | 'otherwise', key: string | number) =>
  kind === 'response' ? `${node}>${key}` : kind === 'when' ? `${node}>when${key}` : `${node}>otherwise`;

/** The node and edge ids a path goes through: each chosen response, and the automatic hops between them. */
export function pathElements(
  scenario: Scenario,
  path: PathSummary | null,
): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!path) return { nodes, edges };
  const hop = (from: string, arrived: (id: string) => boolean) => {
    // Breadth first over automatic branches only: a trainee's turn is always a step of the path.
    const back = new Map<string, { from: string; edge: string } | null>([[from, null]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i += 1) {
      const id = queue[i]!;
      if (arrived(id)) {
        for (let at: string | undefined = id; at !== undefined;) {
          nodes.add(at);
          const step = back.get(at);
          if (step) edges.add(step.edge);
          at = step?.from;
        }
        return;
      }
      const node = scenario.nodes[id];
      if (!node || kindOf(node) !== 'branch') continue;
      const out = [
        ...(node.when ?? []).map((b, k) => [b.next, edgeIdOf(id, 'when', k + 1)] as const),
        ...(node.otherwise ? [[node.otherwise, edgeIdOf(id, 'otherwise', 0)] as const] : []),
      ];
      for (const [next, edge] of out)
        if (!back.has(next)) {
          back.set(next, { from: id, edge });
          queue.push(next);
        }
    }
    nodes.add(from);
  };
  const endsHere = (id: string) =>
    scenario.nodes[id]?.ending !== undefined &&
    (path.outcome === null || scenario.nodes[id]!.ending!.outcome === path.outcome);
  const first = path.steps[0]?.node;
  hop(scenario.start, first === undefined ? endsHere : (id) => id === first);
  path.steps.forEach((step, i) => {
    const response = scenario.nodes[step.node]?.responses?.find((r) => r.id === step.responseId);
    if (!response) return;
    edges.add(edgeIdOf(step.node, 'response', response.id));
    const following = path.steps[i + 1]?.node;
    hop(response.next, following === undefined ? endsHere : (id) => id === following);
  });
  return { nodes, edges };
}

/** The graph of a loaded scenario, marked from the engine's own graph checks and the check's paths. */
export function graphModel(scenario: Scenario, paths: GraphPaths, locale: string): GraphModel {
  const graph = graphOf(scenario);
  const start = graph.index.get(scenario.start);
  const reached = start === undefined ? new Uint8Array(graph.ids.length) : reachable(graph, [start]);
  const trapped = new Set(trappedNodes(graph));
  const best = pathElements(scenario, paths.best);
  const worst = pathElements(scenario, paths.worst);
  const known = (id: string) => graph.index.has(id);

  const nodes: GraphNodeModel[] = graph.ids.map((id, i) => {
    const node = graph.nodes[i]!;
    return {
      id,
      kind: kindOf(node),
      outcome: node.ending?.outcome ?? null,
      start: id === scenario.start,
      text: shorten(lineOf(node, locale), NODE_TEXT),
      unreachable: !reached[i],
      deadEnd: trapped.has(i),
      best: best.nodes.has(id),
      worst: worst.nodes.has(id),
    };
  });

  const edges: GraphEdgeModel[] = [];
  const add = (edge: Omit<GraphEdgeModel, 'best' | 'worst'>) => {
    // A reference to a node that does not exist has no arrow (the problems list names it).
    if (!known(edge.target)) return;
    edges.push({ ...edge, best: best.edges.has(edge.id), worst: worst.edges.has(edge.id) });
  };
  for (const [i, id] of graph.ids.entries()) {
    const node = graph.nodes[i]!;
    for (const response of node.responses ?? []) {
      const rules = Object.entries(response.rules ?? {});
      add({
        id: edgeIdOf(id, 'response', response.id),
        source: id,
        target: response.next,
        kind: 'response',
        responseId: response.id,
        text: shorten(pickText(response.text, locale), EDGE_TEXT),
        branch: 0,
        met: rules.filter(([, n]) => n > 0).map(([rule]) => rule),
        violated: rules.filter(([, n]) => n < 0).map(([rule]) => rule),
      });
    }
    (node.when ?? []).forEach((branch, k) =>
      add({
        id: edgeIdOf(id, 'when', k + 1),
        source: id,
        target: branch.next,
        kind: 'when',
        responseId: null,
        text: '',
        branch: k + 1,
        met: [],
        violated: [],
      }),
    );
    if (node.otherwise)
      add({
        id: edgeIdOf(id, 'otherwise', 0),
        source: id,
        target: node.otherwise,
        kind: 'otherwise',
        responseId: null,
        text: '',
        branch: 0,
        met: [],
        violated: [],
      });
  }
  // Duplicate response ids would give two arrows one id; the loader reports them, the graph keeps the first.
  const seen = new Set<string>();
  const unique = edges.filter((e) => !seen.has(e.id) && seen.add(e.id));
  const shapeKey = `${graph.ids.join(' ')}|${unique.map((e) => `${e.source}>${e.target}`).join(' ')}`;
  return { nodes, edges: unique, shapeKey };
}
