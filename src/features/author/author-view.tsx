import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import {
  editorRefusal,
  MAX_AUTHOR_CHARS,
  MAX_AUTHOR_LINES,
  openScenarioFile,
  useAuthor,
} from '@/state/author-store';
import { exportDraftTranslation, importDraftTranslation } from '@/state/author-translation';
import { useCatalogue } from '@/state/catalogue';
import { playFrom } from '@/state/author-preview';
import { navigate, routeHref, useRoute } from '@/state/route';
import { Dialog } from '@/ui/dialog';
import { fixFullWidth } from '@/state/author-syntax';
import { useAuthorSelection } from '@/state/author-selection';
import { DiagnosticsList } from './diagnostics-list';
import { TranslationPanel } from './translation-panel';
import { DraftVersions } from './draft-versions';
import type { OutlineEntry } from './editor-extensions';
import { describeCause, editorStrings, loadScenarioSchema } from './editor-strings';
import { JsonEditor, type EditorCheck, type EditorHandle } from './json-editor';
import { LintSummary } from './lint-summary';
import { NodeOutline } from './node-outline';
import { PreviewPanel } from './preview-panel';
import { PublishButton } from './publish-button';
import { loadTemplateText } from './template';
import { NodeForm, type ApplyChanges } from './node-form';
import { ScenarioGraphPanel } from './scenario-graph-panel';
import type { JsonSchema } from './schema-path';
import type { StartAt } from '@/engine/runtime/types';
import './author.css';

// Typing re-renders the view on every keystroke: the parts that do not depend on the text are
// drawn again only when their own data changes (a 2,000-node check has hundreds of rows).
const Problems = memo(DiagnosticsList);
const Summary = memo(LintSummary);
const Outline = memo(NodeOutline);
const Versions = memo(DraftVersions);
const NONE: never[] = [];

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
  const replaceText = useAuthor((s) => s.replaceText);
  const flush = useAuthor((s) => s.flush);
  const loadExample = useAuthor((s) => s.loadExample);
  const preview = useAuthor((s) => s.preview);
  const saveProblem = useAuthor((s) => s.saveProblem);
  const versions = useAuthor((s) => s.versions);
  const loadVersions = useAuthor((s) => s.loadVersions);
  const restoreVersion = useAuthor((s) => s.restoreVersion);
  const catalogue = useCatalogue((s) => s.catalogue);
  const load = useCatalogue((s) => s.load);
  const [example, setExample] = useState('');
  const [replacement, setReplacement] = useState<Replacement | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [schema, setSchema] = useState<JsonSchema | null>(null);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const editorRef = useRef<EditorHandle>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const strings = useMemo(() => editorStrings(t, locale), [t, locale]);
  const route = useRoute();
  const routeNode = route.name === 'author' ? (route.node ?? null) : null;
  const placedNode = useRef<string | null>(null);

  // Back from a preview (`#/author?node=<id>`): that node is selected, and the caret goes to it
  // once the editor's outline lists it.
  useEffect(() => {
    if (routeNode) useAuthorSelection.getState().select(routeNode, 'outline');
  }, [routeNode]);
  useEffect(() => {
    if (!routeNode || placedNode.current === routeNode) return;
    const entry = outline.find((e) => e.id === routeNode);
    if (!entry) return;
    placedNode.current = routeNode;
    editorRef.current?.goToOffset(entry.from);
  }, [routeNode, outline]);

  useEffect(() => {
    void load();
    void loadVersions();
    let live = true;
    void loadScenarioSchema().then((loaded) => live && setSchema(loaded));
    return () => {
      live = false;
    };
  }, [load, loadVersions]);

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
          apply: () => replaceText(opened.text, 'file'),
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

  const goTo = useCallback((line: number, column: number) => editorRef.current?.goTo(line, column), []);
  const goToOffset = useCallback((offset: number) => editorRef.current?.goToOffset(offset), []);
  const onFixFullWidth = useCallback(() => {
    const current = useAuthor.getState().text;
    const fixed = fixFullWidth(current);
    if (fixed.changed === 0) return;
    // One edit in the editor (Ctrl+Z takes it back) and a version of its own in the history.
    editorRef.current?.replaceText(fixed.text);
    void replaceText(fixed.text, 'fix');
  }, [replaceText]);

  // The caret moving into another node's JSON selects that node (the graph centres on it).
  const onCaretNode = useCallback((nodeId: string | null) => {
    const selection = useAuthorSelection.getState();
    if (nodeId && nodeId !== selection.nodeId) selection.select(nodeId, 'editor');
  }, []);

  const onRestore = useCallback((versionId: number) => void restoreVersion(versionId), [restoreVersion]);
  // The node form's edits go through the editor, one undoable edit each, made on the text it holds.
  const onFormChanges = useCallback<ApplyChanges>((make) => {
    const base = useAuthor.getState().text;
    try {
      return editorRef.current?.applyChanges(make(base), base) ?? false;
    } catch {
      return false; // the node changed under the form (renamed, removed): the form re-reads it
    }
  }, []);

  const fresh = check !== null && checkedText === text;
  const editorCheck = useMemo<EditorCheck | null>(
    () =>
      check && checkedText !== null
        ? { text: checkedText, diagnostics: check.diagnostics, syntax: check.syntax ?? null }
        : null,
    [check, checkedText],
  );
  const syntax = fresh ? (check.syntax ?? null) : null;
  const canPreview = fresh && check.ok && check.scenario !== null;
  const busy = status === 'pending' || status === 'checking';
  const diagnostics = check?.diagnostics ?? NONE;
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

  const onTemplate = () =>
    replaceDraft({
      source: t('toolbar.templateSource'),
      apply: () =>
        loadTemplateText().then(
          (template) => replaceText(template, 'example'),
          (failure: unknown) => setOpenError(t('toolbar.templateFailed', { message: String(failure) })),
        ),
    });

  const onPlayFrom = useCallback((startAt: StartAt) => {
    const started = playFrom(startAt);
    return started.ok ? null : started.problem;
  }, []);

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
        <button type="button" className="button" onClick={onTemplate} data-testid="author-template">
          {t('toolbar.template')}
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
      {saveProblem.draft || saveProblem.history ? (
        <p className="notice notice--warn" role="alert" data-testid="author-save-problem">
          {saveProblem.draft ? t('save.draftFailed') : null}{' '}
          {saveProblem.history ? t('save.historyFailed', { message: saveProblem.history }) : null}
        </p>
      ) : null}

      <div className="author-layout">
        <div className="author-editor-col">
          {/* The editor is not a form control, so the label names it through aria-labelledby. */}
          <label
            id={`${id}-label`}
            className="author-editor-label"
            onClick={() => editorRef.current?.focus()}
          >
            {t('editor.label')}
          </label>
          <p id={`${id}-help`} className="field__hint">
            {t('editor.help')}
          </p>
          <JsonEditor
            id={`${id}-editor`}
            labelledBy={`${id}-label`}
            value={text}
            onChange={setText}
            onDropFile={openFile}
            allowText={allowText}
            describedBy={`${id}-help ${id}-status`}
            invalid={fresh && errors > 0}
            check={editorCheck}
            schema={schema}
            onOutline={setOutline}
            onCaretNode={onCaretNode}
            onFixFullWidth={onFixFullWidth}
            strings={strings}
            handleRef={editorRef}
          />
          <Outline entries={outline} onGo={goToOffset} />
          <NodeForm onChanges={onFormChanges} />
          <Versions versions={versions} onRestore={onRestore} />
        </div>

        <div className="author-results">
          <ScenarioGraphPanel check={check} locale={locale} outline={outline} editorRef={editorRef} />
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
              {syntax ? (
                <section className="author-cause" aria-labelledby={`${id}-cause`} data-testid="author-cause">
                  <h2 id={`${id}-cause`}>{t('cause.title')}</h2>
                  <p data-kind={syntax.kind}>{describeCause(t, syntax)}</p>
                  <p className="author-cause__actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => goTo(syntax.line, syntax.column)}
                      data-testid="author-cause-go"
                    >
                      {t('cause.at', { line: syntax.line, column: syntax.column })}
                    </button>
                    {syntax.kind === 'full-width' ? (
                      <button
                        type="button"
                        className="button button--primary"
                        onClick={onFixFullWidth}
                        aria-describedby={`${id}-fix-note`}
                        data-testid="author-fix-full-width"
                      >
                        {t('cause.fix')}
                      </button>
                    ) : null}
                  </p>
                  {syntax.kind === 'full-width' ? (
                    <p id={`${id}-fix-note`} className="author-muted">
                      {t('cause.fixNote')}
                    </p>
                  ) : null}
                </section>
              ) : null}
              <section aria-labelledby={`${id}-problems`}>
                <h2 id={`${id}-problems`}>{t('diagnostics.title')}</h2>
                <Problems diagnostics={diagnostics} onGoTo={goTo} />
              </section>
              {check.summary && check.scenario ? (
                <section aria-labelledby={`${id}-summary`}>
                  <h2 id={`${id}-summary`}>{t('summary.title')}</h2>
                  <Summary
                    summary={check.summary}
                    scenario={check.scenario}
                    rubric={catalogue?.rubric ?? null}
                    scored={check.ok}
                    locale={locale}
                  />
                </section>
              ) : null}
              <TranslationPanel
                locales={check.scenario?.locales ?? null}
                onExport={exportDraftTranslation}
                onImport={importDraftTranslation}
              />
            </div>
          ) : null}
          <PreviewPanel scenario={check?.scenario ?? null} enabled={canPreview} onPlay={onPlayFrom} />
          <PublishButton text={text} disabled={!canPreview} />
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
