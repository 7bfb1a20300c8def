import { useTranslation } from 'react-i18next';
import type { TeamSummary } from '@/records/aggregate';
import { percent } from './review-format';

/** The headline figures shared by the team summary and a trainee's page. */
export function SummaryStats({ summary, showTrainees }: { summary: TeamSummary; showTrainees: boolean }) {
  const { t } = useTranslation('review');
  return (
    <dl className="review-stats">
      <div>
        <dt>{t('summary.attempts')}</dt>
        <dd data-testid="stat-attempts">{summary.attempts}</dd>
      </div>
      {showTrainees ? (
        <div>
          <dt>{t('summary.trainees')}</dt>
          <dd>{summary.trainees}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('summary.passRate')}</dt>
        <dd>{percent(summary.passRate)}</dd>
      </div>
      <div>
        <dt>{t('summary.average')}</dt>
        <dd>{summary.averageOverall ?? '—'}</dd>
      </div>
    </dl>
  );
}
