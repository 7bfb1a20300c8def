import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { filterRows, teamSummary, traineeProgress } from '@/records/aggregate';
import { useRecords } from '@/state/records-store';
import { AttemptsTable } from './attempts-table';
import { LineChart } from './line-chart';
import { SummaryStats } from './summary-stats';
import { formatDay } from './review-format';
import { useDuplicates } from './use-duplicates';
import { useSortedRows } from './use-sorted-rows';

export function TraineePage({ traineeId }: { traineeId: string }) {
  const { t, i18n } = useTranslation('review');
  const rows = useRecords((s) => s.rows);
  const titles = useRecords((s) => s.titles);
  const mine = useMemo(() => filterRows(rows, { traineeId }), [rows, traineeId]);
  const progress = useMemo(() => traineeProgress(rows, traineeId), [rows, traineeId]);
  const duplicates = useDuplicates();
  const summary = useMemo(() => teamSummary(mine, 10, duplicates), [mine, duplicates]);
  const { sorted, sort, onSort } = useSortedRows(mine);
  const latest = [...mine].sort((a, b) => b.startedAt - a.startedAt)[0];
  const first = progress[0];
  const last = progress.at(-1);

  return (
    <>
      <p>
        <a href="#/review">{t('trainee.back')}</a>
      </p>
      {!latest || !first || !last ? (
        <p>{t('trainee.notFound')}</p>
      ) : (
        <>
          <h1 data-testid="trainee-name">{t('trainee.title', { name: latest.traineeName })}</h1>
          <p className="review-muted">{t('trainee.id', { id: traineeId })}</p>
          <SummaryStats summary={summary} showTrainees={false} />
          {summary.implausible ? (
            <p className="notice notice--warn" data-testid="trainee-implausible">
              {t('summary.implausible', { count: summary.implausible })}
            </p>
          ) : null}
          <section className="panel">
            <h2>{t('trainee.progress')}</h2>
            <LineChart
              testId="progress-chart"
              title={t('trainee.progress')}
              description={t('trainee.progressDesc')}
              startLabel={formatDay(first.startedAt, i18n.language)}
              endLabel={formatDay(last.startedAt, i18n.language)}
              series={[
                { key: 'overall', label: t('table.overall'), values: progress.map((p) => p.overall) },
                ...PRINCIPLES.map((p) => ({
                  key: p,
                  label: t(`principle.${p}`),
                  values: progress.map((pt) => pt.scores[p]),
                })),
              ]}
            />
          </section>
          <h2>{t('trainee.attempts')}</h2>
          <AttemptsTable rows={sorted} titles={titles} sort={sort} onSort={onSort} showTrainee={false} />
        </>
      )}
    </>
  );
}
