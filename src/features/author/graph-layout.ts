import { Graph, layout } from '@dagrejs/dagre';
import type { GraphModel } from '@/state/author-graph';

/** Every box the same size: the graph is read by shape and badges, and a fixed size needs no measuring. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 84;

export interface Position {
  x: number;
  y: number;
}

/**
 * Top-left corner of each node, ranked from the start downwards (dagre). Only ids and arrows count,
 * so a layout is kept while only texts change (`layoutCached`): a renamed line does not move boxes.
 */
export function graphLayout(model: GraphModel): Map<string, Position> {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 90, edgesep: 16, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  // Labels sit on the arrows: a little room between ranks for them instead of label nodes, which
  // double the work dagre does on a large scenario.
  for (const edge of model.edges) g.setEdge(edge.source, edge.target, {}, edge.id);
  layout(g);
  const out = new Map<string, Position>();
  for (const node of model.nodes) {
    const placed = g.node(node.id);
    out.set(node.id, { x: placed.x - NODE_WIDTH / 2, y: placed.y - NODE_HEIGHT / 2 });
  }
  return out;
}

let last: { key: string; positions: Map<string, Position> } | null = null;

/** The previous layout when the graph has the same shape as last time (most checks while typing). */
export function layoutCached(model: GraphModel): Map<string, Position> {
  if (last?.key !== model.shapeKey) last = { key: model.shapeKey, positions: graphLayout(model) };
  return last.positions;
}
