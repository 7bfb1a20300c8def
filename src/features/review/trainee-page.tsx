import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { teamSummary } from '@/records/aggregate';
import { filterRows } from '@/records/row-filter';
import { useRecords } from '@/state/records-store';
import { AttemptsTable } from './attempts-table';
import { ScenarioProgressChart } from './coaching-chart';
import { coachTrainee, criticalRules } from './coaching-rule';
import { CoachingSheet } from './coaching-sheet';
import { SummaryStats } from './summary-stats';
import { useDuplicates } from './use-duplicates';
import { useSortedRows } from './use-sorted-rows';

export function TraineePage({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation('review');
  const rows = useRecords((s) => s.rows);
  const titles = useRecords((s) => s.titles);
  const rubric = useRecords((s) => s.rubric);
  const mine = useMemo(() => filterRows(rows, { traineeId }), [rows, traineeId]);
  // Abandoned attempts have no final score: listed apart, never averaged in as zeros.
  const finished = useMemo(() => mine.filter((r) => r.status === 'finished'), [mine]);
  const duplicates = useDuplicates();
  const summary = useMemo(() => teamSummary(finished, 10, duplicates), [finished, duplicates]);
  const coaching = useMemo(
    () => coachTrainee(mine, criticalRules(rubric), duplicates),
    [mine, rubric, duplicates],
  );
  const { sorted, sort, onSort } = useSortedRows(mine);
  const abandoned = sorted.filter((r) => r.status !== 'finished');
  const latest = [...mine].sort((a, b) => b.startedAt - a.startedAt)[0];

  return (
    <>
      <p className="no-print">
        <a href="#/review">{t('trainee.back')}</a>
      </p>
      {!latest ? (
        <p>{t('trainee.notFound')}</p>
      ) : (
        <>
          <h1 data-testid="trainee-name">{t('trainee.title', { name: latest.traineeName })}</h1>
          <p className="review-muted">{t('trainee.id', { id: traineeId })}</p>
          <SummaryStats summary={summary} showTrainees={false} />
          {abandoned.length ? (
            <p className="review-muted" data-testid="trainee-abandoned-left-out">
              {t('coaching.abandoned.left', { count: abandoned.length })}
            </p>
          ) : null}
          {summary.implausible ? (
            <p className="notice notice--warn" data-testid="trainee-implausible">
              {t('summary.implausible', { count: summary.implausible })}
            </p>
          ) : null}
          <CoachingSheet entry={coaching} rows={mine} titles={titles} />
          {finished.length ? (
            <section className="panel">
              <h2>{t('trainee.progress')}</h2>
              <ScenarioProgressChart rows={finished} titles={titles} />
            </section>
          ) : null}
          <h2>{t('trainee.attempts')}</h2>
          <AttemptsTable
            rows={sorted.filter((r) => r.status === 'finished')}
            titles={titles}
            sort={sort}
            onSort={onSort}
            showTrainee={false}
          />
          {abandoned.length ? (
            <section className="coaching-abandoned" data-testid="trainee-abandoned">
              <h2>{t('coaching.abandoned.title', { count: abandoned.length })}</h2>
              <p className="review-muted">{t('coaching.abandoned.note')}</p>
              <AttemptsTable
                rows={abandoned}
                titles={titles}
                sort={sort}
                onSort={onSort}
                showTrainee={false}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
