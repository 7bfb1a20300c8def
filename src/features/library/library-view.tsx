import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { useLibraryIndex } from '@/state/catalogue';
import { useLibrary } from '@/state/library-store';
import { useTrainee } from '@/state/trainee-store';
import { DiagnosticCard } from '@/ui/diagnostic-card';
import { EmptyPanel, ErrorPanel, LoadingPanel } from '@/ui/status-panel';
import { TraineeForm } from '@/ui/trainee-form';
import { LibraryFilters, NO_FILTERS, type Filters } from './library-filters';
import { ScenarioCard } from './scenario-card';

export function LibraryView() {
  const { t, i18n } = useTranslation('library');
  const locale = i18n.language;
  // Only the index: each scenario's content is fetched when it is played.
  const status = useLibraryIndex((s) => s.status);
  const summaries = useLibraryIndex((s) => s.summaries);
  const problems = useLibraryIndex((s) => s.problems);
  const error = useLibraryIndex((s) => s.error);
  const load = useLibraryIndex((s) => s.load);
  const trainee = useTrainee((s) => s.trainee);
  const setTrainee = useTrainee((s) => s.setTrainee);
  const best = useLibrary((s) => s.best);
  const draftScenarioIds = useLibrary((s) => s.draftScenarioIds);
  const loadProgress = useLibrary((s) => s.loadProgress);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editingTrainee, setEditingTrainee] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void loadProgress(trainee?.id ?? null);
  }, [loadProgress, trainee?.id]);

  const visible = useMemo(() => {
    const query = filters.query.trim().toLowerCase();
    return summaries.filter((scenario) => {
      if (filters.channel && scenario.channel !== filters.channel) return false;
      if (filters.difficulty && scenario.difficulty !== filters.difficulty) return false;
      if (!query) return true;
      const haystack = [
        pickText(scenario.title, locale),
        pickText(scenario.brief, locale),
        scenario.id,
        ...(scenario.tags ?? []),
      ];
      return haystack.some((s) => s.toLowerCase().includes(query));
    });
  }, [summaries, filters, locale]);

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
            {t('count', { count: visible.length })}
          </p>
          {visible.length === 0 ? (
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
