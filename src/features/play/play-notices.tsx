import { useTranslation } from 'react-i18next';
import type { RecordsError } from '@/records/storage';
import type { PlayNotice } from '@/state/play-store';
import { errorText, UnsavedNotice } from './storage-trouble';

/** Notices that ask for attention: storage is failing or memory-only, or the scenario is open elsewhere. */
const WARN: ReadonlySet<PlayNotice> = new Set(['storage-failed', 'memory-only', 'open-elsewhere']);

export function PlayNotices({
  notices,
  turn,
  draftError,
  storageReason,
  unsaved,
  onDismiss,
  onRestart,
  onDownload,
  onRetry,
}: {
  notices: PlayNotice[];
  turn: number;
  draftError: RecordsError | null;
  storageReason: string | null;
  /** Attempts this page could not store that the ending panel is not already showing. */
  unsaved: { count: number; error: RecordsError | null };
  onDismiss: (n: PlayNotice) => void;
  onRestart: () => void;
  onDownload: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation('play');
  if (notices.length === 0 && unsaved.count === 0) return null;
  return (
    <div className="notices">
      {unsaved.count > 0 ? <UnsavedNotice {...unsaved} onDownload={onDownload} onRetry={onRetry} /> : null}
      {notices.map((n) => (
        <div
          key={n}
          className={`notice notice--${WARN.has(n) ? 'warn' : 'info'}`}
          role={n === 'storage-failed' ? 'alert' : 'status'}
          data-testid={`notice-${n}`}
        >
          <p>{t(`notice.${n}`, { turn, error: errorText(draftError), reason: storageReason ?? '' })}</p>
          <div className="notice__actions">
            {n === 'resumed' ? (
              <button type="button" className="button button--small" onClick={onRestart}>
                {t('controls.restart')}
              </button>
            ) : null}
            <button type="button" className="button button--small button--ghost" onClick={() => onDismiss(n)}>
              {t('notice.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
