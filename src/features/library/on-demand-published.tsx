import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listPublished,
  removePublished,
  type PublishedProblem,
  type PublishedScenario,
} from '@/state/published-scenarios';
import { DiagnosticCard } from '@/ui/diagnostic-card';
import { Dialog } from '@/ui/dialog';
import './library-added.css';
import { matchesFilters, type Filters } from './library-filters';
import { ScenarioCard } from './scenario-card';

// The library's section of scenarios added in this browser, fetched only when the library has some
// (the BROWSER_SCENARIOS_KEY flag) or after an import: a trainee who never added one never downloads
// this chunk (named on-demand-* for the trainee budget). Its strings are the lazy 'library-added'
// namespace, loaded with it (library-view.tsx).

interface ListProps {
  filters: Filters;
  locale: string;
  best: Record<string, number>;
  draftScenarioIds: readonly string[];
}

/** The library's section of scenarios added in this browser, each labelled so and removable. */
export function BrowserScenarios({ filters, locale, best, draftScenarioIds }: ListProps) {
  const { t } = useTranslation('library-added');
  const [scenarios, setScenarios] = useState<PublishedScenario[]>([]);
  const [problems, setProblems] = useState<PublishedProblem[]>([]);
  const [removing, setRemoving] = useState<PublishedScenario | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    listPublished().then(
      (read) => {
        if (!live) return;
        setScenarios(read.scenarios);
        setProblems(read.problems);
      },
      (error: unknown) => live && setProblems([storageProblem(error)]),
    );
    return () => {
      live = false;
    };
  }, [version]);

  const visible = scenarios.filter((s) => matchesFilters(s.summary, filters, locale));
  if (scenarios.length === 0 && problems.length === 0) return null;
  return (
    <section
      className="browser-scenarios"
      aria-labelledby="browser-scenarios-title"
      data-testid="browser-scenarios"
    >
      <h2 id="browser-scenarios-title">{t('added.title', { count: scenarios.length })}</h2>
      <p className="lead">{t('added.note')}</p>
      <div className="card-grid">
        {visible.map(({ summary }) => (
          <ScenarioCard
            key={summary.id}
            scenario={summary}
            locale={locale}
            best={best[summary.id]}
            hasDraft={draftScenarioIds.includes(summary.id)}
            badge={t('added.label')}
          >
            <button
              type="button"
              className="button button--link"
              onClick={() => setRemoving(scenarios.find((s) => s.id === summary.id) ?? null)}
            >
              {t('added.remove')}
            </button>
          </ScenarioCard>
        ))}
      </div>
      {problems.map((p) => (
        <DiagnosticCard key={p.file} file={p.file} diagnostics={p.diagnostics} />
      ))}
      {removing ? (
        <Dialog
          title={t('added.removeTitle')}
          onCancel={() => setRemoving(null)}
          testId="remove-added-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => setRemoving(null)}>
                {t('added.keep')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  const id = removing.id;
                  setRemoving(null);
                  void removePublished(id).finally(() => setVersion((v) => v + 1));
                }}
              >
                {t('added.remove')}
              </button>
            </>
          }
        >
          <p>{t('added.removeBody', { id: removing.id })}</p>
        </Dialog>
      ) : null}
    </section>
  );
}

function storageProblem(error: unknown): PublishedProblem {
  const message = error instanceof Error ? error.message : String(error);
  return {
    file: 'browser',
    diagnostics: [{ severity: 'error', code: 'E_SHAPE', message, path: '', line: null, column: null }],
  };
}
