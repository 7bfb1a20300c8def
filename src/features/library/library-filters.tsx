import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSummary } from '@/engine/format/catalogue-index';
import { CHANNELS, DIFFICULTIES } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';

export interface Filters {
  channel: string;
  difficulty: string;
  query: string;
}

export const NO_FILTERS: Filters = { channel: '', difficulty: '', query: '' };

export const isFiltering = (f: Filters) => Boolean(f.channel || f.difficulty || f.query.trim());

export function matchesFilters(scenario: ScenarioSummary, filters: Filters, locale: string): boolean {
  if (filters.channel && scenario.channel !== filters.channel) return false;
  if (filters.difficulty && scenario.difficulty !== filters.difficulty) return false;
  const query = filters.query.trim().toLowerCase();
  if (!query) return true;
  const haystack = [
    pickText(scenario.title, locale),
    pickText(scenario.brief, locale),
    scenario.id,
    ...(scenario.tags ?? []),
  ];
  return haystack.some((s) => s.toLowerCase().includes(query));
}

export function LibraryFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation('library');
  const id = useId();
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={value.query}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => onChange({ ...value, query: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>{t('filters.channel')}</label>
        <select
          id={`${id}-c`}
          value={value.channel}
          onChange={(e) => onChange({ ...value, channel: e.target.value })}
        >
          <option value="">{t('filters.all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('filters.difficulty')}</label>
        <select
          id={`${id}-d`}
          value={value.difficulty}
          onChange={(e) => onChange({ ...value, difficulty: e.target.value })}
        >
          <option value="">{t('filters.all')}</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {t(`difficulty.${d}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
