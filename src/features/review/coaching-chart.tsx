import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { AttemptRow } from '@/records/attempt-row';
import { LineChart, type LineSeries } from '@/ui/line-chart';
import { formatDay } from './review-format';
import './coaching.css';

type Measure = 'overall' | Principle;

/**
 * One line per scenario, x the trainee's attempts oldest first: each line joins that scenario's
 * attempts, so moving between an easy and a hard scenario no longer reads as a zig-zag.
 */
export function scenarioSeries(
  rows: readonly AttemptRow[],
  measure: Measure,
  label: (scenarioId: string) => string,
): LineSeries[] {
  const ordered = [...rows].sort((a, b) => a.startedAt - b.startedAt);
  const ids = [...new Set(ordered.map((r) => r.scenarioId))];
  return ids.map((id) => ({
    key: id,
    label: label(id),
    joinGaps: true,
    values: ordered.map((r) =>
      r.scenarioId !== id ? null : measure === 'overall' ? r.overall : r.scores[measure],
    ),
  }));
}

interface Props {
  /** Finished attempts only: an abandoned attempt has no score to plot. */
  rows: readonly AttemptRow[];
  titles: Record<string, LocalizedText>;
}

export function ScenarioProgressChart({ rows, titles }: Props) {
  const { t, i18n } = useTranslation('review');
  const lng = i18n.language;
  const [measure, setMeasure] = useState<Measure>('overall');
  const selectId = useId();
  const ordered = [...rows].sort((a, b) => a.startedAt - b.startedAt);
  const first = ordered[0];
  const last = ordered.at(-1);
  if (!first || !last) return null;
  const measureLabel = measure === 'overall' ? t('table.overall') : t(`principle.${measure}`);
  return (
    <>
      <div className="coaching-chart-controls no-print">
        <label htmlFor={selectId}>{t('coaching.chart.measure')}</label>
        <select
          id={selectId}
          value={measure}
          onChange={(e) => setMeasure(e.target.value as Measure)}
          data-testid="chart-measure"
        >
          <option value="overall">{t('table.overall')}</option>
          {PRINCIPLES.map((p) => (
            <option key={p} value={p}>
              {t(`principle.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <LineChart
        testId="progress-chart"
        title={`${t('trainee.progress')}: ${measureLabel}`}
        description={t('coaching.chart.desc', { measure: measureLabel })}
        startLabel={formatDay(first.startedAt, lng)}
        endLabel={formatDay(last.startedAt, lng)}
        series={scenarioSeries(ordered, measure, (id) => (titles[id] ? pickText(titles[id], lng) : id))}
      />
    </>
  );
}
