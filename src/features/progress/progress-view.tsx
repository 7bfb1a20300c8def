import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { useCatalogue } from '@/state/catalogue';
import { useProgress } from '@/state/progress-store';
import { routeHref } from '@/state/route';
import { useTrainee } from '@/state/trainee-store';
import { EmptyPanel, LoadingPanel } from '@/ui/status-panel';
import { ProgressChart } from './progress-chart';
import { ProgressFilters } from './progress-filters';
import { ProgressList } from './progress-list';
import { ProgressNext } from './progress-next';
import { ProgressRules } from './progress-rules';
import { ProgressStats } from './progress-summary';
import {
  attemptKind,
  filterAttempts,
  mostBrokenRules,
  newestFirst,
  NO_FILTER,
  principleAverages,
  suggestNext,
  type ProgressFilter,
} from './progress-stats';
import './progress.css';

export function ProgressView() {
  const { t, i18n } = useTranslation('progress');
  const lng = i18n.language;
  const trainee = useTrainee((s) => s.trainee);
  const status = useProgress((s) => s.status);
  const rows = useProgress((s) => s.rows);
  const load = useProgress((s) => s.load);
  const catalogue = useCatalogue((s) => s.catalogue);
  const loadCatalogue = useCatalogue((s) => s.load);
  const [filter, setFilter] = useState<ProgressFilter>(NO_FILTER);
  // The period filter is relative to when the page opened, not to every re-render.
  const [now] = useState(() => Date.now());

  useEffect(() => {
    void loadCatalogue();
  }, [loadCatalogue]);
  useEffect(() => {
    if (trainee) void load(trainee.id);
  }, [load, trainee]);

  const titles = useMemo(
    () => new Map((catalogue?.entries ?? []).map((e) => [e.scenario.id, pickText(e.scenario.title, lng)])),
    [catalogue, lng],
  );
  const title = (id: string) => titles.get(id) ?? id;
  const shown = useMemo(() => filterAttempts(rows, filter, now), [rows, filter, now]);
  const listed = useMemo(() => newestFirst(shown.filter((r) => attemptKind(r) !== 'abandoned')), [shown]);
  const abandoned = useMemo(() => newestFirst(shown.filter((r) => attemptKind(r) === 'abandoned')), [shown]);
  const rubric = catalogue?.rubric ?? null;
  // The suggestion and the averages behind it look at every attempt, whatever the filters show.
  const averages = useMemo(() => principleAverages(rows), [rows]);
  const suggestion = useMemo(
    () => (rubric ? suggestNext(rows, catalogue?.entries.map((e) => e.scenario) ?? [], rubric) : null),
    [rows, catalogue, rubric],
  );
  const broken = useMemo(() => mostBrokenRules(shown), [shown]);
  const whenFormat = useMemo(
    () => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }),
    [lng],
  );
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(lng, { month: 'short', day: 'numeric' }), [lng]);
  const scenarioOptions = useMemo(
    () =>
      [...new Set(rows.map((r) => r.scenarioId))]
        .map((id) => ({ id, title: titles.get(id) ?? id }))
        .sort((a, b) => a.title.localeCompare(b.title, lng)),
    [rows, titles, lng],
  );

  const head = (
    <div className="page-head">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
    </div>
  );
  if (!trainee)
    return (
      <div className="progress" data-testid="progress">
        {head}
        <EmptyPanel title={t('noTrainee.title')}>
          <p>{t('noTrainee.body')}</p>
          <a href={routeHref.library()}>{t('noTrainee.link')}</a>
        </EmptyPanel>
      </div>
    );
  if (status !== 'ready')
    return (
      <div className="progress" data-testid="progress">
        {head}
        <LoadingPanel label={t('loading')} />
      </div>
    );
  if (!rows.length)
    return (
      <div className="progress" data-testid="progress">
        {head}
        <div data-testid="progress-empty">
          <EmptyPanel title={t('empty.title')}>
            <p>{t('empty.body')}</p>
            <a href={routeHref.library()}>{t('empty.link')}</a>
          </EmptyPanel>
        </div>
      </div>
    );

  return (
    <div className="progress" data-testid="progress">
      {head}
      <ProgressStats rows={rows} now={now} />
      <ProgressNext
        suggestion={suggestion}
        average={suggestion ? averages[suggestion.principle] : null}
        title={title}
      />
      <ProgressFilters value={filter} onChange={setFilter} scenarios={scenarioOptions} shown={shown.length} />
      <div className="progress-grid">
        <section className="panel" aria-labelledby="progress-chart-title">
          <h2 id="progress-chart-title">{t('chart.title')}</h2>
          <ProgressChart rows={shown} formatDay={(ms) => dayFormat.format(ms)} />
        </section>
        <section className="panel" aria-labelledby="progress-rules-title">
          <h2 id="progress-rules-title">{t('rules.title')}</h2>
          <ProgressRules rules={broken} rubric={rubric} />
        </section>
      </div>
      <section className="panel" aria-labelledby="progress-list-title">
        <h2 id="progress-list-title">{t('list.title')}</h2>
        <p className="progress-muted">{t('list.note')}</p>
        <ProgressList
          rows={listed}
          title={title}
          formatWhen={(ms) => whenFormat.format(ms)}
          testId="progress-attempts"
        />
      </section>
      {abandoned.length ? (
        <section
          className="panel"
          aria-labelledby="progress-abandoned-title"
          data-testid="progress-abandoned"
        >
          <h2 id="progress-abandoned-title">{t('abandoned.title', { count: abandoned.length })}</h2>
          <p className="progress-muted">{t('abandoned.note')}</p>
          <ProgressList
            rows={abandoned}
            title={title}
            formatWhen={(ms) => whenFormat.format(ms)}
            testId="progress-abandoned-list"
          />
        </section>
      ) : null}
    </div>
  );
}
