import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecords } from '@/state/records-store';
import { LoadingPanel } from '@/ui/status-panel';
import { AttemptPage } from './attempt-page';
import { ReviewDashboard } from './review-dashboard';
import { StorageNotice } from './storage-notice';
import { TraineePage } from './trainee-page';
import './review.css';

/** The manager's view: `#/review`, `#/review?trainee=<id>`, `#/review/attempt/<id>`. */
export function ReviewView({ attemptId, traineeId }: { attemptId?: string; traineeId?: string }) {
  const { t } = useTranslation('review');
  const status = useRecords((s) => s.status);
  const load = useRecords((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  let body;
  if (attemptId) body = <AttemptPage attemptId={attemptId} />;
  else if (status !== 'ready') body = <LoadingPanel label={t('loading')} />;
  else if (traineeId) body = <TraineePage traineeId={traineeId} />;
  else body = <ReviewDashboard />;

  return (
    <div className="review" data-testid="review-view">
      {attemptId || traineeId ? null : (
        <header className="page-head">
          <h1>{t('title')}</h1>
          <p className="lead">{t('lead')}</p>
        </header>
      )}
      <StorageNotice />
      {body}
    </div>
  );
}
