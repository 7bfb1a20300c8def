import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordsError } from '@/records/storage';
import type { PlayNotice } from '@/state/play-store';

/** A storage error as the trainee sees it: the browser's name for it, and its message when it has one. */
export const errorText = (error: RecordsError | null | undefined): string =>
  error ? `${error.name || 'Error'}${error.message ? `: ${error.message}` : ''}` : '';

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
}: {
  notices: PlayNotice[];
  turn: number;
  draftError: RecordsError | null;
  storageReason: string | null;
  /** Attempts this page could not store (StorageTrouble), shown first. */
  unsaved: ReactNode;
  onDismiss: (n: PlayNotice) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation('play');
  if (notices.length === 0 && !unsaved) return null;
  return (
    <div className="notices">
      {unsaved}
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
