import { useTranslation } from 'react-i18next';
import type { AttemptRow } from '@/records/attempt-row';
import { headline } from './progress-stats';

export function ProgressStats({ rows, now }: { rows: readonly AttemptRow[]; now: number }) {
  const { t } = useTranslation('progress');
  const h = headline(rows, now);
  const none = t('stats.none');
  return (
    <dl className="progress-stats" aria-label={t('stats.label')} data-testid="progress-stats">
      <div>
        <dt>{t('stats.attempts')}</dt>
        <dd data-testid="progress-stat-counted">{h.counted}</dd>
      </div>
      <div>
        <dt>{t('stats.average')}</dt>
        <dd data-testid="progress-stat-average">{h.average ?? none}</dd>
      </div>
      <div>
        <dt>{t('stats.passRate')}</dt>
        <dd>{h.passRate === null ? none : `${Math.round(h.passRate * 100)}%`}</dd>
      </div>
      <div>
        <dt>{t('stats.streakLabel')}</dt>
        <dd data-testid="progress-stat-streak">{t('stats.streak', { count: h.streak })}</dd>
      </div>
    </dl>
  );
}
