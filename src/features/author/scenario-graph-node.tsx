import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNodeModel } from '@/state/author-graph';

export type NodeData = GraphNodeModel & Record<string, unknown>;

/** Shape and colour tell the kinds apart at a glance; the icon and the words say it without colour. */
const ICON = { turn: '❝', branch: '◇', ending: '■' } as const;

/** What a node's box says about it, in order, for its badges and its accessible name. */
export function useNodeWords(node: GraphNodeModel): { kind: string; badges: string[] } {
  const { t } = useTranslation('author');
  const kind =
    node.kind === 'ending' && node.outcome
      ? `${t('graph.kind.ending')}: ${t(`outcome.${node.outcome}`)}`
      : t(`graph.kind.${node.kind}`);
  const badges = [
    node.start ? t('graph.start') : '',
    node.unreachable ? t('graph.unreachable') : '',
    node.deadEnd ? t('graph.deadEnd') : '',
    node.best ? `★ ${t('graph.best')}` : '',
    node.worst ? `▼ ${t('graph.worst')}` : '',
  ].filter(Boolean);
  return { kind, badges };
}

function NodeView({ data }: NodeProps<Node<NodeData, 'scenario'>>) {
  const { kind, badges } = useNodeWords(data);
  const classes = [
    'sg-node',
    `sg-node--${data.kind}`,
    data.outcome ? `sg-node--${data.outcome}` : '',
    data.unreachable ? 'sg-node--unreachable' : '',
    data.deadEnd ? 'sg-node--dead-end' : '',
    data.best ? 'sg-node--best' : '',
    data.worst ? 'sg-node--worst' : '',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`graph-node-${data.id}`}
      data-marks={badges.join('|')}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <p className="sg-node__head">
        <span className="sg-node__icon" aria-hidden="true">
          {ICON[data.kind]}
        </span>{' '}
        <span className="sg-node__kind">{kind}</span> <code className="sg-node__id">{data.id}</code>
      </p>
      {data.text ? <p className="sg-node__text">{data.text}</p> : null}
      {badges.length ? (
        <p className="sg-node__badges">
          {badges.map((badge) => (
            <span key={badge} className="sg-badge">
              {badge}
            </span>
          ))}
        </p>
      ) : null}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export const ScenarioNodeView = memo(NodeView);
