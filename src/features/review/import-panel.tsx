import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportSource } from '@/records/import-export';
import { useRecords } from '@/state/records-store';

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
        })}{' '}
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

/** FileReader rather than `file.text()`: it works in every browser this app supports (and in jsdom). */
function asSource(file: File): ImportSource {
  return {
    name: file.name,
    size: file.size,
    text: () =>
      new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result ?? ''));
        reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
        reader.readAsText(file);
      }),
  };
}

/** Many bundles at once, by drag and drop or the file picker; one line of results per file. */
export function ImportPanel() {
  const { t } = useTranslation('review');
  const importFiles = useRecords((s) => s.importFiles);
  const importing = useRecords((s) => s.importing);
  const reports = useRecords((s) => s.reports);
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
      {importing ? <p role="status">{t('import.working')}</p> : null}
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
