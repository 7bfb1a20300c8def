import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import {
  editorRefusal,
  MAX_AUTHOR_CHARS,
  MAX_AUTHOR_LINES,
  openScenarioFile,
  useAuthor,
} from '@/state/author-store';
import { useCatalogue } from '@/state/catalogue';
import { navigate, routeHref } from '@/state/route';
import { Dialog } from '@/ui/dialog';
import { DiagnosticsList } from './diagnostics-list';
import { JsonEditor } from './json-editor';
import { LintSummary } from './lint-summary';
import { offsetAt } from './text-position';
import './author.css';

interface Replacement {
  source: string;
  apply: () => void | Promise<void>;
}

/** The trainers' scenario editor: paste or open a file, see located problems and the lint summary, preview. */
export function AuthorView() {
  const { t, i18n } = useTranslation('author');
  const locale = i18n.language;
  const text = useAuthor((s) => s.text);
  const status = useAuthor((s) => s.status);
  const check = useAuthor((s) => s.check);
  const checkedText = useAuthor((s) => s.checkedText);
  const error = useAuthor((s) => s.error);
  const setText = useAuthor((s) => s.setText);
  const flush = useAuthor((s) => s.flush);
  const loadExample = useAuthor((s) => s.loadExample);
  const preview = useAuthor((s) => s.preview);
  const catalogue = useCatalogue((s) => s.catalogue);
  const load = useCatalogue((s) => s.load);
  const [example, setExample] = useState('');
  const [replacement, setReplacement] = useState<Replacement | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    void load();
  }, [load]);

  // A draft restored from localStorage is checked at once; leaving the page saves what was typed.
  useEffect(() => {
    if (useAuthor.getState().status === 'pending') void flush();
    const save = () => {
      if (useAuthor.getState().status === 'pending') void useAuthor.getState().flush();
    };
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [flush]);

  const exampleId = example || catalogue?.entries[0]?.scenario.id || '';
  const exampleEntry = catalogue?.entries.find((e) => e.scenario.id === exampleId);

  const replaceDraft = (next: Replacement) => {
    if (text.trim() === '') void next.apply();
    else setReplacement(next);
  };

  const openFile = (file: File) => {
    setOpenError(null);
    void openScenarioFile(file).then((opened) => {
      if (opened.ok)
        return replaceDraft({
          source: file.name,
          apply: () => {
            setText(opened.text);
            return flush();
          },
        });
      // Too large: refused from its size, before reading; the draft is left as it was.
      const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      setOpenError(
        opened.reason === 'too-large'
          ? t('openTooLarge', {
              name: file.name,
              size: number.format(opened.size / 1e6),
              limit: number.format(opened.limit),
            })
          : opened.reason === 'too-many-lines'
            ? t('openTooManyLines', {
                name: file.name,
                lines: number.format(opened.lines),
                limit: number.format(opened.limit),
              })
            : t('openFailed', { name: file.name }),
      );
    });
  };

  /** Pasted or dropped text that would make the draft too large to edit is kept out, with a reason. */
  const allowText = (next: string) => {
    if (!editorRefusal(next)) {
      setOpenError(null);
      return true;
    }
    const number = new Intl.NumberFormat(locale);
    setOpenError(
      t('pasteTooLarge', {
        lines: number.format(MAX_AUTHOR_LINES),
        chars: number.format(MAX_AUTHOR_CHARS),
      }),
    );
    return false;
  };

  const goTo = useCallback((line: number, column: number) => {
    const area = textareaRef.current;
    if (!area) return;
    const offset = offsetAt(area.value, line, column);
    area.focus();
    area.setSelectionRange(offset, offset);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 3);
  }, []);

  const fresh = check !== null && checkedText === text;
  const canPreview = fresh && check.ok && check.scenario !== null;
  const busy = status === 'pending' || status === 'checking';
  const diagnostics = check?.diagnostics ?? [];
  const count = (severity: 'error' | 'warning' | 'info') =>
    diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');

  let result = '';
  if (status === 'empty') result = t('status.empty');
  else if (status === 'error') result = t('status.error', { message: error ?? '' });
  else if (check && !busy)
    result =
      diagnostics.length === 0
        ? t('status.clean')
        : t('status.counts', {
            errors: t('count.error', { count: errors }),
            warnings: t('count.warning', { count: count('warning') }),
            info: t('count.info', { count: count('info') }),
          });

  const onPreview = () => {
    const previewId = preview();
    if (previewId) navigate(routeHref.play(previewId));
  };

  return (
    <div className="author" data-testid="author">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </div>

      <div className="author-toolbar" role="group" aria-label={t('toolbar.label')}>
        <div className="field">
          <label htmlFor={`${id}-example`}>{t('toolbar.example')}</label>
          <select id={`${id}-example`} value={exampleId} onChange={(e) => setExample(e.target.value)}>
            {(catalogue?.entries ?? []).map(({ scenario }) => (
              <option key={scenario.id} value={scenario.id}>
                {pickText(scenario.title, locale)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button"
          disabled={!exampleEntry}
          data-testid="author-load-example"
          onClick={() =>
            exampleEntry &&
            replaceDraft({
              source: pickText(exampleEntry.scenario.title, locale),
              apply: () => loadExample(exampleId),
            })
          }
        >
          {t('toolbar.loadExample')}
        </button>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t('toolbar.open')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="author-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ''; // the same file can be opened again after editing it elsewhere
            if (file) openFile(file);
          }}
        />
        <button
          type="button"
          className="button button--primary"
          disabled={!canPreview}
          aria-describedby={`${id}-preview-note`}
          onClick={onPreview}
          data-testid="author-preview"
        >
          {t('toolbar.preview')}
        </button>
        <p id={`${id}-preview-note`} className="author-muted author-toolbar__note">
          {check && fresh && !check.ok ? t('toolbar.previewBlocked') : t('toolbar.previewNote')}
        </p>
      </div>

      {openError ? (
        <p className="notice notice--warn" role="alert">
          {openError}
        </p>
      ) : null}

      <div className="author-layout">
        <div className="author-editor-col">
          <label htmlFor={`${id}-editor`} className="author-editor-label">
            {t('editor.label')}
          </label>
          <p id={`${id}-help`} className="field__hint">
            {t('editor.help')}
          </p>
          <JsonEditor
            id={`${id}-editor`}
            value={text}
            onChange={setText}
            onDropFile={openFile}
            allowText={allowText}
            textareaRef={textareaRef}
            describedBy={`${id}-help ${id}-status`}
            invalid={fresh && errors > 0}
          />
        </div>

        <div className="author-results">
          <p className="author-status" data-testid="author-status" data-status={busy ? 'checking' : status}>
            {busy ? (
              <span className="author-checking">
                <span className="spinner" aria-hidden="true" />
                {t('status.checking')}
              </span>
            ) : null}
            <span id={`${id}-status`} role="status">
              {result}
            </span>
          </p>

          {check ? (
            <div
              className={busy ? 'author-results__body author-results__body--stale' : 'author-results__body'}
              aria-busy={busy}
            >
              <section aria-labelledby={`${id}-problems`}>
                <h2 id={`${id}-problems`}>{t('diagnostics.title')}</h2>
                <DiagnosticsList diagnostics={diagnostics} onGoTo={goTo} />
              </section>
              {check.summary && check.scenario ? (
                <section aria-labelledby={`${id}-summary`}>
                  <h2 id={`${id}-summary`}>{t('summary.title')}</h2>
                  <LintSummary
                    summary={check.summary}
                    scenario={check.scenario}
                    rubric={catalogue?.rubric ?? null}
                    scored={check.ok}
                    locale={locale}
                  />
                </section>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>

      {replacement ? (
        <Dialog
          title={t('replace.title')}
          onCancel={() => setReplacement(null)}
          testId="author-replace-dialog"
          actions={
            <>
              <button type="button" className="button" onClick={() => setReplacement(null)}>
                {t('replace.cancel')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  const { apply } = replacement;
                  setReplacement(null);
                  void apply();
                }}
              >
                {t('replace.confirm')}
              </button>
            </>
          }
        >
          <p>{t('replace.body', { source: replacement.source })}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
