import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import type { AttemptRow } from '@/records/attempt-row';
import { LineChart } from '@/ui/line-chart';
import { countedOldestFirst, principleSeries } from './progress-stats';

/** Beyond this many attempts, dates under every point overlap: only the first and last are labelled. */
const MAX_X_LABELS = 6;

export function ProgressChart({
  rows,
  formatDay,
}: {
  rows: readonly AttemptRow[];
  formatDay: (ms: number) => string;
}) {
  const { t } = useTranslation('progress');
  const ordered = countedOldestFirst(rows);
  if (!ordered.length)
    return (
      <p className="progress-muted" data-testid="progress-chart-empty">
        {t('chart.empty')}
      </p>
    );
  const series = principleSeries(ordered);
  const last = ordered.at(-1)!;
  const latest = PRINCIPLES.filter((p) => last.scores[p] !== null)
    .map((p) => `${t(`principle.${p}`)} ${last.scores[p]}`)
    .join(', ');
  const days = ordered.map((r) => formatDay(r.startedAt));
  return (
    <LineChart
      testId="progress-chart"
      title={t('chart.title')}
      description={t('chart.description', { count: ordered.length, latest })}
      series={PRINCIPLES.map((p, i) => ({
        key: p,
        label: t(`principle.${p}`),
        values: series[p],
        joinGaps: true,
        tone: String(i),
        marker: i % 2 ? 'square' : 'circle',
      }))}
      {...(days.length <= MAX_X_LABELS
        ? { xLabels: days }
        : { startLabel: days[0]!, endLabel: days.at(-1)! })}
    />
  );
}
