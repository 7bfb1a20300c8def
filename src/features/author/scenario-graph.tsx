import {
  applyNodeChanges,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '@/engine/format/scenario-schema';
import { useAuthorSelection } from '@/state/author-selection';
import { graphModel, type GraphEdgeModel, type GraphModel, type GraphPaths } from '@/state/author-graph';
import { layoutCached, NODE_HEIGHT, NODE_WIDTH, type Position } from './graph-layout';
import { ScenarioNodeView, type NodeData } from './scenario-graph-node';
import './scenario-graph.css';

export interface ScenarioGraphProps {
  /** The scenario of the last finished check that loaded; null before any did. */
  scenario: Scenario | null;
  paths: GraphPaths;
  locale: string;
  /** The draft has changed since that scenario (or no longer loads): the graph is an older picture. */
  stale: boolean;
}

type FlowNode = Node<NodeData, 'scenario'>;

/** Past this many nodes only what is in view is drawn, and the graph opens on the start rather than all of it. */
const LARGE = 60;
const nodeTypes = { scenario: ScenarioNodeView };

function useLabels() {
  const { t } = useTranslation('author');
  return useMemo(
    () => ({
      t,
      aria: {
        'node.a11yDescription.default': t('graph.a11y.node'),
        'node.a11yDescription.keyboardDisabled': t('graph.a11y.node'),
        'node.a11yDescription.ariaLiveMessage': () => '',
        'edge.a11yDescription.default': t('graph.a11y.edge'),
        'controls.ariaLabel': t('graph.controls.label'),
        'controls.zoomIn.ariaLabel': t('graph.controls.zoomIn'),
        'controls.zoomOut.ariaLabel': t('graph.controls.zoomOut'),
        'controls.fitView.ariaLabel': t('graph.controls.fitView'),
        'controls.interactive.ariaLabel': t('graph.controls.interactive'),
        'minimap.ariaLabel': t('graph.controls.minimap'),
        'handle.ariaLabel': t('graph.controls.handle'),
      },
    }),
    [t],
  );
}

function edgeOf(edge: GraphEdgeModel, t: ReturnType<typeof useLabels>['t']): Edge {
  const none = t('graph.none');
  const said =
    edge.kind === 'response'
      ? edge.text
      : edge.kind === 'when'
        ? t('graph.when', { n: edge.branch })
        : t('graph.otherwise');
  const marks = [
    edge.best ? '★' : '',
    edge.worst ? '▼' : '',
    said,
    edge.met.length ? `✓${edge.met.length}` : '',
    edge.violated.length ? `✗${edge.violated.length}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const name = t('graph.edge', {
    from: edge.source,
    to: edge.target,
    text: said,
    met: edge.met.join(', ') || none,
    violated: edge.violated.join(', ') || none,
  });
  const onPath = [edge.best ? t('graph.best') : '', edge.worst ? t('graph.worst') : ''].filter(Boolean);
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    // The rule ids are in the name (read by assistive technology) and the title (shown on hover).
    label: (
      <>
        {marks}
        <title>{name}</title>
      </>
    ),
    ariaLabel: onPath.length ? `${name} (${onPath.join(', ')})` : name,
    className: [
      'sg-edge',
      `sg-edge--${edge.kind}`,
      edge.best ? 'sg-edge--best' : '',
      edge.worst ? 'sg-edge--worst' : '',
      edge.violated.length ? 'sg-edge--violates' : '',
    ]
      .filter(Boolean)
      .join(' '),
    markerEnd: { type: MarkerType.ArrowClosed },
    zIndex: edge.best || edge.worst ? 1 : 0,
    labelBgPadding: [4, 2],
    labelBgBorderRadius: 3,
  };
}

function nodesOf(model: GraphModel, positions: Map<string, Position>): FlowNode[] {
  return model.nodes.map((node) => ({
    id: node.id,
    type: 'scenario',
    position: positions.get(node.id) ?? { x: 0, y: 0 },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: node as NodeData,
    ariaRole: 'button',
  }));
}

function Graph({ scenario, paths, locale, stale }: ScenarioGraphProps) {
  const { t, aria } = useLabels();
  const flow = useReactFlow();
  const selected = useAuthorSelection((s) => s.nodeId);
  const selectedFrom = useAuthorSelection((s) => s.from);
  const select = useAuthorSelection((s) => s.select);
  // Built when a check finishes (a new scenario object), never per keystroke; the layout is kept
  // when only texts changed.
  const model = useMemo(
    () => (scenario ? graphModel(scenario, paths, locale) : null),
    [scenario, paths, locale],
  );
  const positions = useMemo(() => (model ? layoutCached(model) : new Map<string, Position>()), [model]);
  const edges = useMemo(() => (model ? model.edges.map((e) => edgeOf(e, t)) : []), [model, t]);
  // Only what React Flow measured is kept as state; the nodes themselves follow the model and the
  // selection, so a new check or another selection never waits for an effect.
  const [measured, setMeasured] = useState<ReadonlyMap<string, FlowNode['measured']>>(new Map());
  const base = useMemo(() => (model ? nodesOf(model, positions) : []), [model, positions]);
  const nodes = useMemo(
    () =>
      base.map((n) => ({
        ...n,
        measured: measured.get(n.id) ?? n.measured,
        selected: n.id === selected,
        domAttributes: { 'aria-pressed': n.id === selected },
      })),
    [base, measured, selected],
  );
  const large = (model?.nodes.length ?? 0) > LARGE;

  // A node chosen elsewhere (the editor's caret, the outline, the form) is brought into view here.
  useEffect(() => {
    if (!selected || selectedFrom === 'graph') return;
    const at = positions.get(selected);
    if (at)
      void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: 200,
      });
  }, [selected, selectedFrom, positions, flow]);

  // The first picture of a scenario: all of a small one; the start and what follows it of a large one.
  const shownScenario = useRef<string | null>(null);
  useEffect(() => {
    if (!model || nodes.length === 0 || shownScenario.current === scenario?.id) return;
    shownScenario.current = scenario?.id ?? null;
    const first = large
      ? [...positions.entries()]
          .sort((a, b) => a[1].y - b[1].y)
          .slice(0, 8)
          .map(([id]) => ({ id }))
      : undefined;
    void flow.fitView({ nodes: first, maxZoom: 1, minZoom: 0.2 });
  }, [model, nodes, large, positions, flow, scenario]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      if (changes.some((c) => c.type === 'dimensions'))
        setMeasured(new Map(applyNodeChanges(changes, nodes).map((n) => [n.id, n.measured])));
      // A click, Enter or Space on a node: it becomes the Author view's selected node.
      for (const change of changes)
        if (change.type === 'select' && change.selected) select(change.id, 'graph');
    },
    [select, nodes],
  );

  if (!model) return <p className="author-muted">{t('graph.empty')}</p>;
  return (
    <>
      {stale ? (
        <p className="author-muted" data-testid="graph-stale">
          {t('graph.stale')}
        </p>
      ) : null}
      <div className={stale ? 'sg-canvas sg-canvas--stale' : 'sg-canvas'} data-testid="scenario-graph">
        <ReactFlow<FlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          onlyRenderVisibleElements={large}
          minZoom={0.1}
          maxZoom={1.5}
          colorMode="system"
          ariaLabelConfig={aria}
          aria-label={t('graph.label')}
        >
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </>
  );
}

/** The draft as a graph beside the editor; loaded on its own (React.lazy) so the editor never waits for it. */
function ScenarioGraph(props: ScenarioGraphProps) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}

export default memo(ScenarioGraph);
