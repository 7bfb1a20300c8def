import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@/records/import-export';
import { useRecords, type ImportFile, type RecordsProgress } from '@/state/records-store';

function ReportLine({ report }: { report: ImportReport }) {
  const { t } = useTranslation('review');
  if (report.ok) {
    return (
      <li
        className={report.flagged ? 'review-report review-report--flagged' : 'review-report'}
        data-testid="import-report"
      >
        {t('import.ok', {
          file: report.file,
          imported: report.imported,
          duplicates: report.duplicates,
          flagged: report.flagged,
        })}
        {report.implausible ? ` ${t('import.implausible', { count: report.implausible })}` : null}{' '}
        {report.migrated ? t('import.migrated', { count: report.migrated }) : null}
      </li>
    );
  }
  return (
    <li className="review-report review-report--refused" data-testid="import-report">
      {t('import.refused', { file: report.file, reason: t(`import.reason.${report.reason}`) })}
      <details>
        <summary>{t('import.detail')}</summary>
        <code>{report.detail}</code>
      </details>
    </li>
  );
}

/**
 * The file itself goes to the records worker; on the page it is read with FileReader rather than
 * `file.text()`, which works in every browser this app supports (and in jsdom).
 */
function asSource(file: File): ImportFile {
  return {
    name: file.name,
    size: file.size,
    blob: file,
    text: () =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result ?? ''));
        reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
        reader.readAsText(file);
      }),
  };
}

/** Where the import is, as a bar and in words; a live region so screen readers hear it move on. */
function ImportProgressLine({ progress }: { progress: RecordsProgress | null }) {
  const { t, i18n } = useTranslation('review');
  const nf = new Intl.NumberFormat(i18n.language);
  if (!progress || progress.kind !== 'import')
    return (
      <p role="status" data-testid="import-progress">
        {t('import.working')}
      </p>
    );
  const { file, files, name, phase, done, total } = progress;
  // Each file is an equal share of the bar; within it, the attempts scored so far.
  const within = phase === 'saving' ? 1 : phase === 'scoring' && total ? (done / total) * 0.9 : 0;
  const value = Math.round(((file + within) / files) * 1000) / 10;
  return (
    <div className="review-progress" data-testid="import-progress">
      <progress max={100} value={value} aria-label={t('import.working')} />
      <p role="status">
        {t('import.progress', { file: file + 1, files, name })}{' '}
        {t(`import.phase.${phase}`, { done: nf.format(done), total: nf.format(total) })}
      </p>
    </div>
  );
}

/** Many bundles at once, by drag and drop or the file picker; one line of results per file. */
export function ImportPanel() {
  const { t } = useTranslation('review');
  const importFiles = useRecords((s) => s.importFiles);
  const importing = useRecords((s) => s.importing);
  const reports = useRecords((s) => s.reports);
  const progress = useRecords((s) => s.progress);
  const clearReports = useRecords((s) => s.clearReports);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const take = (list: FileList | null) => {
    if (list && list.length) void importFiles([...list].map(asSource));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };

  return (
    <section className="panel review-import" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('import.title')}</h2>
      <div
        className={over ? 'review-drop review-drop--over' : 'review-drop'}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          {t('import.drop')}{' '}
          <label htmlFor={inputId} className="button button--small">
            {t('import.choose')}
          </label>
        </p>
        <input
          ref={input}
          id={inputId}
          className="visually-hidden"
          type="file"
          accept=".json,application/json"
          multiple
          data-testid="import-input"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = ''; // picking the same file again must import again
          }}
        />
      </div>
      {importing ? <ImportProgressLine progress={progress} /> : null}
      {reports.length ? (
        <div role="status" aria-live="polite">
          <h3>{t('import.reportTitle')}</h3>
          <ul className="review-reports">
            {reports.map((r, i) => (
              <ReportLine key={`${r.file}-${i}`} report={r} />
            ))}
          </ul>
          <button type="button" className="button button--ghost button--small" onClick={clearReports}>
            {t('import.clear')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
