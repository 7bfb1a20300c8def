import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamSummary, traineeList } from '@/records/aggregate';
import { filterRows } from '@/records/row-filter';
import { useRecords } from '@/state/records-store';
import { EmptyPanel } from '@/ui/status-panel';
import { AttemptsTable } from './attempts-table';
import { CoachingPanel } from './coaching-panel';
import { attemptsCsv, csvFilename } from './csv-views';
import { ImportPanel } from './import-panel';
import { saveFile } from '@/state/save-file';
import { EMPTY_FILTER, ReviewFilters, toRowFilter, type FilterForm } from './review-filters';
import { TeamSummary } from './team-summary';
import { useDuplicates } from './use-duplicates';
import { useSortedRows } from './use-sorted-rows';

export function ReviewDashboard() {
  const { t, i18n } = useTranslation('review');
  const rows = useRecords((s) => s.rows);
  const titles = useRecords((s) => s.titles);
  const rubric = useRecords((s) => s.rubric);
  const exportAttempts = useRecords((s) => s.exportAttempts);
  const exporting = useRecords((s) => s.exporting);
  const duplicates = useDuplicates();
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER);
  // Typing in a filter stays responsive with 100,000 rows: the table and summary catch up a frame later.
  const deferred = useDeferredValue(form);
  const filtered = useMemo(
    () => filterRows(rows, toRowFilter(deferred), duplicates),
    [rows, deferred, duplicates],
  );
  // Abandoned attempts have no final score: listed apart, never averaged in as zeros.
  const finished = useMemo(() => filtered.filter((r) => r.status === 'finished'), [filtered]);
  const summary = useMemo(() => teamSummary(finished, 10, duplicates), [finished, duplicates]);
  const trainees = useMemo(() => traineeList(rows), [rows]);
  const scenarioIds = useMemo(() => [...new Set(rows.map((r) => r.scenarioId))].sort(), [rows]);
  const { sorted, sort, onSort } = useSortedRows(filtered);
  const abandoned = sorted.filter((r) => r.status !== 'finished');

  const exportJson = async () => {
    const exported = await exportAttempts(filtered.map((r) => r.id));
    if (exported) saveFile(exported.filename, exported.blob);
  };

  // The import panel stays first in both states so importing the first file does not remount it
  // (its results and the keyboard focus on the file picker survive the switch to the table).
  if (!rows.length) {
    return (
      <>
        <ImportPanel />
        <EmptyPanel title={t('empty.title')}>
          <p>{t('empty.play')}</p>
          <p>{t('empty.import')}</p>
          <p>
            <a className="button button--primary" href="#/">
              {t('empty.toLibrary')}
            </a>
          </p>
        </EmptyPanel>
      </>
    );
  }

  return (
    <>
      <ImportPanel />
      <CoachingPanel rows={rows} />
      <ReviewFilters
        value={form}
        onChange={setForm}
        trainees={trainees}
        scenarioIds={scenarioIds}
        titles={titles}
        count={filtered.length}
      />
      <div className="review-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void exportJson()}
          data-testid="export-json"
          title={t('export.jsonHint')}
          disabled={exporting}
          aria-busy={exporting}
        >
          {exporting ? t('export.working') : t('export.json')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-csv"
          onClick={() =>
            saveFile(
              csvFilename('attempts'),
              attemptsCsv(sorted, titles, t, i18n.language, duplicates),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('export.csv')}
        </button>
      </div>
      <AttemptsTable
        rows={abandoned.length ? sorted.filter((r) => r.status === 'finished') : sorted}
        titles={titles}
        sort={sort}
        onSort={onSort}
      />
      {abandoned.length ? (
        <details className="coaching-abandoned" data-testid="abandoned-attempts">
          <summary>{t('coaching.abandoned.title', { count: abandoned.length })}</summary>
          <p className="review-muted">{t('coaching.abandoned.note')}</p>
          <AttemptsTable rows={abandoned} titles={titles} sort={sort} onSort={onSort} />
        </details>
      ) : null}
      <TeamSummary summary={summary} titles={titles} rubric={rubric} />
    </>
  );
}
