import { useTranslation } from 'react-i18next';
import type { AttemptRow } from '@/records/attempt-row';
import { routeHref } from '@/state/route';
import { attemptKind } from './progress-stats';

interface Props {
  rows: readonly AttemptRow[];
  title: (scenarioId: string) => string;
  formatWhen: (ms: number) => string;
  testId: string;
}

/** A list rather than a table: one attempt per line reads the same at 390 px as at 1366 px. */
export function ProgressList({ rows, title, formatWhen, testId }: Props) {
  const { t } = useTranslation('progress');
  return (
    <ul className="progress-list" data-testid={testId}>
      {rows.map((r) => {
        const kind = attemptKind(r);
        const when = formatWhen(r.startedAt);
        const badge =
          kind === 'practice'
            ? { tone: 'missed', label: t('list.practice') }
            : kind === 'counted'
              ? r.passed
                ? { tone: 'met', label: t('list.passed') }
                : { tone: 'violated', label: t('list.failed') }
              : null;
        return (
          <li key={r.id} className="progress-list__item" data-attempt={r.id} data-kind={kind}>
            <span className="progress-list__title">{title(r.scenarioId)}</span>
            <span className="progress-muted">{when}</span>
            {kind === 'abandoned' ? null : <span>{t('list.score', { score: Math.round(r.overall) })}</span>}
            {badge ? <span className={`badge badge--${badge.tone}`}>{badge.label}</span> : null}
            <a
              href={routeHref.debrief(r.id)}
              aria-label={t('list.openLabel', { scenario: title(r.scenarioId), when })}
            >
              {t('list.open')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
