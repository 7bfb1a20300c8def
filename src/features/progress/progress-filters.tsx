import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTER, type PeriodFilter, type ProgressFilter, type ResultFilter } from './progress-stats';

const RESULTS: ResultFilter[] = ['all', 'passed', 'failed', 'practice', 'abandoned'];
const PERIODS: PeriodFilter[] = ['all', '7', '30', '90'];

interface Props {
  value: ProgressFilter;
  onChange: (next: ProgressFilter) => void;
  /** Scenarios this trainee has attempts in, with their titles in the current language. */
  scenarios: ReadonlyArray<{ id: string; title: string }>;
  shown: number;
}

export function ProgressFilters({ value, onChange, scenarios, shown }: Props) {
  const { t } = useTranslation('progress');
  const id = useId();
  const filtered = value.scenarioId !== null || value.result !== 'all' || value.period !== 'all';
  return (
    <form
      className="filters progress-filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-s`}>{t('filters.scenario')}</label>
        <select
          id={`${id}-s`}
          data-testid="progress-filter-scenario"
          value={value.scenarioId ?? ''}
          onChange={(e) => onChange({ ...value, scenarioId: e.target.value || null })}
        >
          <option value="">{t('filters.allScenarios')}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-r`}>{t('filters.result')}</label>
        <select
          id={`${id}-r`}
          data-testid="progress-filter-result"
          value={value.result}
          onChange={(e) => onChange({ ...value, result: e.target.value as ResultFilter })}
        >
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`filters.results.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('filters.period')}</label>
        <select
          id={`${id}-p`}
          data-testid="progress-filter-period"
          value={value.period}
          onChange={(e) => onChange({ ...value, period: e.target.value as PeriodFilter })}
        >
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`filters.periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="result-count progress-filters__count" role="status" data-testid="progress-shown">
        {t('filters.shown', { count: shown })}
        {filtered ? (
          <>
            {' '}
            <button type="button" className="button button--link" onClick={() => onChange(NO_FILTER)}>
              {t('filters.reset')}
            </button>
          </>
        ) : null}
      </p>
    </form>
  );
}
