import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutlineEntry } from './editor-extensions';

/** Past this many, the list shows the first ones and the filter finds the rest. */
const SHOWN = 300;

interface Props {
  entries: OutlineEntry[];
  onGo: (offset: number) => void;
}

/** The scenario's node ids in file order; each one puts the caret on its node. */
export function NodeOutline({ entries, onGo }: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim().toLowerCase());
  const matching = query ? entries.filter((e) => e.id.toLowerCase().includes(query)) : entries;
  const shown = matching.slice(0, SHOWN);
  return (
    <nav className="author-outline" aria-labelledby={`${id}-title`} data-testid="author-outline">
      <h2 id={`${id}-title`} className="author-outline__title">
        {t('outline.title')}{' '}
        <span className="author-muted">{t('outline.count', { count: entries.length })}</span>
      </h2>
      {entries.length > 8 ? (
        <input
          type="search"
          className="author-outline__filter"
          aria-label={t('outline.filter')}
          placeholder={t('outline.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      ) : null}
      {entries.length === 0 ? (
        <p className="author-muted">{t('outline.empty')}</p>
      ) : (
        <ol className="author-outline__list">
          {shown.map((entry) => (
            <li key={`${entry.id}@${entry.from}`}>
              <button
                type="button"
                className="author-outline__node"
                aria-label={t('outline.goTo', { id: entry.id })}
                onClick={() => onGo(entry.from)}
              >
                {entry.id}
              </button>
            </li>
          ))}
        </ol>
      )}
      {matching.length > shown.length ? (
        <p className="author-muted">{t('diagnostics.more', { count: matching.length - shown.length })}</p>
      ) : null}
    </nav>
  );
}
