import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { hasBrowserScenarios, useLibraryIndex } from '@/state/catalogue';
import { useLibrary } from '@/state/library-store';
import { useTrainee } from '@/state/trainee-store';
import { DiagnosticCard } from '@/ui/diagnostic-card';
import { EmptyPanel, ErrorPanel, LoadingPanel } from '@/ui/status-panel';
import { TraineeForm } from '@/ui/trainee-form';
import { isFiltering, LibraryFilters, matchesFilters, NO_FILTERS, type Filters } from './library-filters';
import { ScenarioCard } from './scenario-card';

// Scenarios added in this browser and the import panel: fetched only when there are some / it opens,
// with their strings (the lazy 'library-added' namespace), so the trainee's first download is unchanged.
const BrowserScenarios = lazy(async () => {
  const [m] = await Promise.all([import('./on-demand-published'), loadNamespace('library-added')]);
  return { default: m.BrowserScenarios };
});
const ImportPanel = lazy(async () => {
  const [m] = await Promise.all([import('./on-demand-import'), loadNamespace('library-added')]);
  return { default: m.ImportPanel };
});

export function LibraryView() {
  const { t, i18n } = useTranslation('library');
  const locale = i18n.language;
  // Only the index: each scenario's content is fetched when it is played.
  const status = useLibraryIndex((s) => s.status);
  const summaries = useLibraryIndex((s) => s.summaries);
  const problems = useLibraryIndex((s) => s.problems);
  const error = useLibraryIndex((s) => s.error);
  const load = useLibraryIndex((s) => s.load);
  const pages = useLibraryIndex((s) => s.pages);
  const more = useLibraryIndex((s) => s.more);
  const loadMore = useLibraryIndex((s) => s.loadMore);
  const trainee = useTrainee((s) => s.trainee);
  const setTrainee = useTrainee((s) => s.setTrainee);
  const best = useLibrary((s) => s.best);
  const draftScenarioIds = useLibrary((s) => s.draftScenarioIds);
  const loadProgress = useLibrary((s) => s.loadProgress);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editingTrainee, setEditingTrainee] = useState(false);
  const [importing, setImporting] = useState(false);
  // Bumped after an import: the browser's section reads its store again.
  const [added, setAdded] = useState(() => (hasBrowserScenarios() ? 1 : 0));

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadProgress(trainee?.id ?? null);
  }, [loadProgress, trainee?.id]);

  const filtering = isFiltering(filters);
  // A search or filter covers the whole library: the pages not read yet are fetched for it.
  useEffect(() => {
    if (filtering && pages.length) void loadMore(true);
  }, [filtering, pages.length, loadMore]);

  const visible = useMemo(
    () => summaries.filter((scenario) => matchesFilters(scenario, filters, locale)),
    [summaries, filters, locale],
  );

  return (
    <div className="library">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </div>

      {trainee && !editingTrainee ? (
        <p className="trainee-line" data-testid="trainee-line">
          {t('trainee.as', { name: trainee.name, id: trainee.id })}{' '}
          <button type="button" className="button button--link" onClick={() => setEditingTrainee(true)}>
            {t('trainee.change')}
          </button>
        </p>
      ) : (
        <TraineeForm
          initialName={trainee?.name}
          initialId={trainee?.id}
          onSubmit={(name, id) => {
            setTrainee(name, id);
            setEditingTrainee(false);
          }}
        />
      )}

      {status === 'error' ? (
        <ErrorPanel title={t('error')} message={error} onRetry={() => void load()} />
      ) : null}
      {status === 'loading' || status === 'idle' ? <LoadingPanel label={t('loading')} /> : null}

      {status === 'ready' ? (
        <>
          <LibraryFilters value={filters} onChange={setFilters} />
          <p className="result-count" role="status">
            {filtering && pages.length
              ? t('more.searching')
              : pages.length
                ? t('more.shown', { count: visible.length })
                : t('count', { count: visible.length })}
          </p>
          {visible.length === 0 && filtering && pages.length > 0 && more !== 'error' ? (
            <LoadingPanel label={t('more.searching')} />
          ) : visible.length === 0 ? (
            <EmptyPanel title={summaries.length === 0 ? t('empty.none') : t('empty.filtered')}>
              {summaries.length > 0 ? (
                <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                  {t('filters.clear')}
                </button>
              ) : null}
            </EmptyPanel>
          ) : (
            <div className="card-grid">
              {visible.map((scenario) => (
                <ScenarioCard
                  key={scenario.id}
                  scenario={scenario}
                  locale={locale}
                  best={best[scenario.id]}
                  hasDraft={draftScenarioIds.includes(scenario.id)}
                />
              ))}
            </div>
          )}
          {pages.length > 0 && (!filtering || more === 'error') ? (
            <p className="library-more">
              <button
                type="button"
                className="button"
                disabled={more === 'loading'}
                onClick={() => void loadMore(filtering)}
                data-testid="library-more"
              >
                {more === 'loading' ? t('more.loading') : t('more.show')}
              </button>{' '}
              {more === 'error' ? <span role="alert">{t('more.failed')}</span> : null}
            </p>
          ) : null}
          <Suspense fallback={null}>
            {added ? (
              <BrowserScenarios
                key={added}
                filters={filters}
                locale={locale}
                best={best}
                draftScenarioIds={draftScenarioIds}
              />
            ) : null}
            {importing ? (
              <ImportPanel onAdded={() => setAdded((n) => n + 1)} onClose={() => setImporting(false)} />
            ) : (
              <p>
                <button
                  type="button"
                  className="button"
                  onClick={() => setImporting(true)}
                  data-testid="library-import"
                >
                  {t('import.open')}
                </button>
              </p>
            )}
          </Suspense>
          {problems.length ? (
            <section className="problems" aria-labelledby="problems-title">
              <h2 id="problems-title">{t('problems', { count: problems.length })}</h2>
              <div className="card-grid">
                {problems.map((p) => (
                  <DiagnosticCard key={p.file} file={p.file} diagnostics={p.diagnostics} />
                ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
