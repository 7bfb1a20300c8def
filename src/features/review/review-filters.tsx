import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { TraineeEntry } from '@/records/aggregate';
import type { RowFilter } from '@/records/row-filter';
import { dayBound } from './review-format';

export interface FilterForm {
  traineeId: string;
  scenarioId: string;
  from: string;
  to: string;
  passed: '' | 'yes' | 'no';
  verification: '' | 'verified' | 'mismatch' | 'unknown-scenario' | 'pending';
  plausibility: '' | 'flagged' | 'clear';
}

export const EMPTY_FILTER: FilterForm = {
  traineeId: '',
  scenarioId: '',
  from: '',
  to: '',
  passed: '',
  verification: '',
  plausibility: '',
};

interface Props {
  value: FilterForm;
  onChange: (next: FilterForm) => void;
  trainees: TraineeEntry[];
  scenarioIds: string[];
  titles: Record<string, LocalizedText>;
  count: number;
}

export function ReviewFilters({ value, onChange, trainees, scenarioIds, titles, count }: Props) {
  const { t, i18n } = useTranslation('review');
  const id = useId();
  const set = <K extends keyof FilterForm>(key: K, v: FilterForm[K]) => onChange({ ...value, [key]: v });
  return (
    <form
      className="filters review-filters"
      aria-label={t('filters.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label htmlFor={`${id}-t`}>{t('filters.trainee')}</label>
      <select
        id={`${id}-t`}
        value={value.traineeId}
        onChange={(e) => set('traineeId', e.target.value)}
        data-testid="filter-trainee"
      >
        <option value="">{t('filters.any')}</option>
        {trainees.map((tr) => (
          <option key={tr.id} value={tr.id}>
            {tr.name} ({tr.id})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-s`}>{t('filters.scenario')}</label>
      <select
        id={`${id}-s`}
        value={value.scenarioId}
        onChange={(e) => set('scenarioId', e.target.value)}
        data-testid="filter-scenario"
      >
        <option value="">{t('filters.any')}</option>
        {scenarioIds.map((s) => (
          <option key={s} value={s}>
            {titles[s] ? pickText(titles[s], i18n.language) : s}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-f`}>{t('filters.from')}</label>
      <input id={`${id}-f`} type="date" value={value.from} onChange={(e) => set('from', e.target.value)} />
      <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
      <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => set('to', e.target.value)} />
      <label htmlFor={`${id}-p`}>{t('filters.passed')}</label>
      <select
        id={`${id}-p`}
        value={value.passed}
        onChange={(e) => set('passed', e.target.value as FilterForm['passed'])}
        data-testid="filter-passed"
      >
        <option value="">{t('filters.any')}</option>
        <option value="yes">{t('filters.passedOnly')}</option>
        <option value="no">{t('filters.failedOnly')}</option>
      </select>
      <label htmlFor={`${id}-v`}>{t('filters.verification')}</label>
      <select
        id={`${id}-v`}
        value={value.verification}
        onChange={(e) => set('verification', e.target.value as FilterForm['verification'])}
        data-testid="filter-verification"
      >
        <option value="">{t('filters.any')}</option>
        {(['verified', 'mismatch', 'unknown-scenario', 'pending'] as const).map((v) => (
          <option key={v} value={v}>
            {t(`verification.${v}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-i`}>{t('filters.plausibility')}</label>
      <select
        id={`${id}-i`}
        value={value.plausibility}
        onChange={(e) => set('plausibility', e.target.value as FilterForm['plausibility'])}
        data-testid="filter-plausibility"
      >
        <option value="">{t('filters.any')}</option>
        <option value="flagged">{t('filters.implausibleOnly')}</option>
        <option value="clear">{t('filters.plausibleOnly')}</option>
      </select>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => onChange(EMPTY_FILTER)}
      >
        {t('filters.reset')}
      </button>
      <p className="result-count" role="status" data-testid="filter-count">
        {t('filters.count', { count })}
      </p>
    </form>
  );
}

export function toRowFilter(f: FilterForm): RowFilter {
  return {
    traineeId: f.traineeId || undefined,
    scenarioId: f.scenarioId || undefined,
    from: dayBound(f.from, false),
    to: dayBound(f.to, true),
    passed: f.passed === '' ? undefined : f.passed === 'yes',
    verification: f.verification || undefined,
    implausible: f.plausibility === '' ? undefined : f.plausibility === 'flagged',
  };
}
