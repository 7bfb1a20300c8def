import { lazy, memo, Suspense, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AuthorCheck } from '@/state/author-check';
import { useAuthorSelection } from '@/state/author-selection';
import type { OutlineEntry } from './editor-extensions';
import type { GraphPaths } from '@/state/author-graph';
import type { EditorHandle } from './json-editor';

// xyflow and dagre are fetched only when the graph is first shown: the editor never waits for them.
const ScenarioGraph = lazy(() => import('./scenario-graph'));

/**
 * Past this many nodes the graph is not drawn: laying it out would hold the page for seconds while
 * the trainer types, and a picture of thousands of boxes does not help anyone find one.
 */
export const GRAPH_MAX_NODES = 400;

interface Props {
  check: AuthorCheck | null;
  locale: string;
  outline: OutlineEntry[];
  editorRef: RefObject<EditorHandle | null>;
}

/**
 * The graph section of the Author view. It shows the scenario of the last check that loaded, so a
 * half-typed draft does not blank it; a node chosen in the graph puts the editor's caret on its JSON.
 */
function GraphPanel({ check, locale, outline, editorRef }: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const summary = check?.summary ?? null;
  const paths = useMemo(() => ({ best: summary?.best ?? null, worst: summary?.worst ?? null }), [summary]);
  // The last scenario that loaded, kept while the draft does not (state adjusted during render).
  const [shown, setShown] = useState<{ scenario: Scenario; paths: GraphPaths } | null>(null);
  if (check?.scenario && shown?.scenario !== check.scenario) setShown({ scenario: check.scenario, paths });

  const entries = useRef(outline);
  useEffect(() => {
    entries.current = outline;
  }, [outline]);
  useEffect(
    () =>
      useAuthorSelection.subscribe((now, before) => {
        if (now.from !== 'graph' || !now.nodeId || (now.nodeId === before.nodeId && now.from === before.from))
          return;
        const entry = entries.current.find((e) => e.id === now.nodeId);
        // The caret follows without taking focus: a keyboard user stays on the graph.
        if (entry) editorRef.current?.goToOffset(entry.from, false);
      }),
    [editorRef],
  );

  return (
    <section className="author-graph" aria-labelledby={`${id}-title`} data-testid="author-graph">
      <h2 id={`${id}-title`}>{t('graph.title')}</h2>
      <p className="author-muted">{t('graph.help')}</p>
      {shown && Object.keys(shown.scenario.nodes).length > GRAPH_MAX_NODES ? (
        <p className="author-muted" data-testid="graph-too-large">
          {t('graph.tooLarge', { count: Object.keys(shown.scenario.nodes).length, max: GRAPH_MAX_NODES })}
        </p>
      ) : (
        <Suspense fallback={<p className="author-muted">{t('graph.loading')}</p>}>
          <ScenarioGraph
            scenario={shown?.scenario ?? null}
            paths={shown?.paths ?? paths}
            locale={locale}
            stale={shown !== null && !check?.scenario}
          />
        </Suspense>
      )}
    </section>
  );
}

export const ScenarioGraphPanel = memo(GraphPanel);
