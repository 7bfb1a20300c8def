import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TranslationDownload,
  TranslationFormat,
  TranslationImport,
} from '@/engine/i18n-export/translation-io';
import type { TranslationReport } from '@/engine/i18n-export/translation-units';
import { saveFile } from '@/state/save-file';

interface Props {
  /** The scenario's declared locales; null while the draft does not load (nothing to export). */
  locales: readonly string[] | null;
  /** Builds the file for a translator (translationDownload, run where the scenario is loaded). */
  onExport: (target: string, format: TranslationFormat) => TranslationDownload | Promise<TranslationDownload>;
  /** Reads a translated file into the draft (translationImport); the caller puts `text` in the editor. */
  onImport: (fileName: string, text: string) => TranslationImport | Promise<TranslationImport>;
}

/** Items of a report list shown before "and N more": a file of 2,000 strings stays readable. */
const SHOWN = 30;

/**
 * The translation round trip in the Author view: download every string of the draft for a
 * translator (XLIFF or CSV), import the translated file back and see what it changed. Engine work
 * comes in through the props, so the view stays a view.
 */
export function TranslationPanel({ locales, onExport, onImport }: Props) {
  const { t } = useTranslation('author');
  const id = useId();
  const [target, setTarget] = useState('');
  const [format, setFormat] = useState<TranslationFormat>('xliff');
  const [exported, setExported] = useState<TranslationDownload | null>(null);
  const [result, setResult] = useState<TranslationImport | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = target.trim() || locales?.[1] || locales?.[0] || '';

  const download = async () => {
    if (!locales || !chosen) return;
    const file = await onExport(chosen, format);
    save(file);
    setExported(file);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      setResult(await onImport(file.name, await readText(file)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="author-translation" aria-labelledby={`${id}-title`} data-testid="translation-panel">
      <h2 id={`${id}-title`}>{t('translation.title')}</h2>
      <p className="author-muted">{t('translation.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('translation.target')}</label>
        <input
          id={`${id}-target`}
          list={`${id}-locales`}
          value={target}
          placeholder={chosen}
          aria-describedby={`${id}-target-help`}
          onChange={(e) => setTarget(e.target.value)}
          disabled={!locales}
        />
        <datalist id={`${id}-locales`}>
          {(locales ?? []).map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        <p id={`${id}-target-help`} className="field__hint">
          {t('translation.targetHelp')}
        </p>
      </div>
      <fieldset className="field" disabled={!locales}>
        <legend>{t('translation.format')}</legend>
        {(['xliff', 'csv'] as const).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name={`${id}-format`}
              value={f}
              checked={format === f}
              onChange={() => setFormat(f)}
            />{' '}
            {t(`translation.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button" onClick={download} disabled={!locales || !chosen}>
        {t('translation.export')}
      </button>
      {!locales && <p className="author-muted">{t('translation.needScenario')}</p>}
      {exported && (
        <p className="author-muted" role="status" data-testid="translation-exported">
          {t('translation.exported', {
            file: exported.fileName,
            count: exported.strings,
            untranslated: exported.untranslated,
          })}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('translation.import')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlf,.xliff,.xml,.csv"
          onChange={upload}
          disabled={!locales || busy}
        />
      </div>
      {result && !result.ok && (
        <div className="notice notice--warn" role="alert" data-testid="translation-errors">
          <p>{t('translation.unreadable')}</p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                {t('translation.errorAt', { line: e.line, column: e.column })}{' '}
                {e.message.replace(/^line \d+, column \d+: /, '')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && <ImportReport report={result.report} />}
    </section>
  );
}

function ImportReport({ report }: { report: TranslationReport }) {
  const { t } = useTranslation('author');
  const counts = [
    ['changed', report.changed.length],
    ['unchanged', report.unchanged],
    ['missing', report.missing.length],
    ['unknown', report.unknown.length],
    ['stale', report.stale.length],
  ] as const;
  return (
    <div data-testid="translation-report" role="status">
      <p>
        {report.changed.length > 0
          ? t('translation.applied', { locale: report.targetLocale })
          : t('translation.nothingChanged')}
      </p>
      {report.addedLocale && <p>{t('translation.addedLocale', { locale: report.targetLocale })}</p>}
      {report.otherScenario && (
        <p className="notice notice--warn">{t('translation.otherScenario', { id: report.otherScenario })}</p>
      )}
      <dl className="author-translation__counts">
        {counts.map(([key, n]) => (
          <div key={key} data-testid={`translation-count-${key}`}>
            <dt>{t(`translation.counts.${key}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <IdList title={t('translation.lists.changed')} ids={report.changed.map((c) => c.id)} />
      <IdList
        title={t('translation.lists.unknown')}
        ids={report.unknown.map((u) =>
          u.line ? `${u.id} (${t('translation.line', { line: u.line })})` : u.id,
        )}
      />
      <IdList title={t('translation.lists.stale')} ids={report.stale.map((s) => s.id)} />
      <IdList title={t('translation.lists.missing')} ids={report.missing.map((m) => m.id)} />
    </div>
  );
}

function IdList({ title, ids }: { title: string; ids: string[] }) {
  const { t } = useTranslation('author');
  if (ids.length === 0) return null;
  return (
    <details>
      <summary>
        {title} ({ids.length})
      </summary>
      <ul>
        {ids.slice(0, SHOWN).map((x) => (
          <li key={x}>
            <code>{x}</code>
          </li>
        ))}
        {ids.length > SHOWN && <li>{t('translation.more', { count: ids.length - SHOWN })}</li>}
      </ul>
    </details>
  );
}

/** `file.text()` where the browser has it, a FileReader otherwise (older WebViews, jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** Hands the file to the browser as a download. */
const save = (file: TranslationDownload) => saveFile(file.fileName, file.text, file.mimeType);
