import { useTranslation } from 'react-i18next';
import { Dialog } from '@/ui/dialog';

// An unfinished attempt is only ever stored as abandoned after the trainee said so. The first
// button (focused, and what Escape does) is always the one that changes nothing.

/** Starting over with turns answered: the attempt so far is stored as abandoned. */
export function RestartDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation('play');
  return (
    <Dialog
      title={t('restart.title')}
      onCancel={onCancel}
      testId="restart-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('restart.stay')}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm}>
            {t('restart.confirm')}
          </button>
        </>
      }
    >
      <p>{t('restart.body')}</p>
    </Dialog>
  );
}

/** Opening this scenario stores the trainee's unfinished attempts at others as abandoned. */
export function LeaveOtherDialog({
  titles,
  onStay,
  onLeave,
}: {
  titles: string[];
  onStay: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation('play');
  return (
    <div className="play" data-testid="play" data-status="asking">
      <Dialog
        title={t('leave.title', { count: titles.length })}
        onCancel={onStay}
        testId="leave-dialog"
        actions={
          <>
            <button type="button" className="button" onClick={onStay}>
              {t('leave.stay')}
            </button>
            <button type="button" className="button button--danger" onClick={onLeave}>
              {t('leave.confirm', { count: titles.length })}
            </button>
          </>
        }
      >
        <p>{t('leave.body', { count: titles.length })}</p>
        <ul>
          {titles.map((title, i) => (
            <li key={i}>{title}</li>
          ))}
        </ul>
      </Dialog>
    </div>
  );
}
