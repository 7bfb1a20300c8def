import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '@/state/author-history';

interface Props {
  versions: VersionInfo[] | null;
  onRestore: (id: number) => void;
}

/** The draft's earlier versions, newest first, each with its time and a button to restore it. */
export function DraftVersions({ versions, onRestore }: Props) {
  const { t, i18n } = useTranslation('author');
  if (versions === null) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <details className="author-versions" data-testid="author-versions">
      <summary>
        {t('versions.title')} <span className="author-muted">({versions.length})</span>
      </summary>
      <p className="author-muted">{t('versions.intro')}</p>
      {versions.length === 0 ? (
        <p className="author-muted">{t('versions.none')}</p>
      ) : (
        <ol className="author-versions__list">
          {versions.map((v, i) => {
            const when = time.format(v.savedAt);
            return (
              <li key={v.id} className="author-versions__item" data-testid={`author-version-${i}`}>
                <span>
                  <time dateTime={new Date(v.savedAt).toISOString()}>{when}</time>{' '}
                  <span className="author-muted">
                    {t(`versions.reason.${v.reason}`)} · {t('versions.lines', { count: v.lines })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('versions.restoreLabel', { time: when })}
                  onClick={() => onRestore(v.id)}
                >
                  {t('versions.restore')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
