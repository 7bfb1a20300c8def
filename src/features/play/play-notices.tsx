import { useTranslation } from 'react-i18next';
import type { PlayNotice } from '@/state/play-store';

export function PlayNotices({
  notices,
  turn,
  onDismiss,
  onRestart,
}: {
  notices: PlayNotice[];
  turn: number;
  onDismiss: (n: PlayNotice) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation('play');
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={n}
          className={`notice notice--${n === 'storage-failed' ? 'warn' : 'info'}`}
          role="status"
          data-testid={`notice-${n}`}
        >
          <p>{t(`notice.${n}`, { turn })}</p>
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
