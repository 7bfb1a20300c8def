import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedRead } from '@/state/author-node-edit';

/** Typing pauses this long before the text is written to the JSON (blur and Enter write at once). */
export const COMMIT_DELAY_MS = 800;

/**
 * What a field shows while it is being typed in, and when that is written. The JSON is written on
 * blur, Enter (Ctrl+Enter in a text area) or a pause in typing, never per keystroke; a value coming
 * back from the JSON does not overwrite what is being typed, so the caret and focus stay put.
 */
function useCommitted(value: string, commit: (value: string) => void) {
  const [draft, setDraft] = useState(value);
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, value, commit });
  useLayoutEffect(() => {
    latest.current = { draft, value, commit };
  });

  useEffect(() => {
    if (!typing.current) setDraft(value);
  }, [value]);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { draft: now, value: saved, commit: write } = latest.current;
    if (now !== saved) write(now);
  };
  // A field that goes away (another node selected) writes what it held first.
  useEffect(() => () => flush(), []);

  return {
    value: draft,
    onChange: (next: string) => {
      typing.current = true;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, COMMIT_DELAY_MS);
    },
    onBlur: () => {
      typing.current = false;
      flush();
    },
    flush,
  };
}

interface TextProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  lang?: string;
  hint?: string;
  testId?: string;
  number?: boolean;
}

/** A labelled text area or input that writes to the JSON as useCommitted says. */
export function CommitField({ label, value, onCommit, multiline, lang, hint, testId, number }: TextProps) {
  const id = useId();
  const field = useCommitted(value, onCommit);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (multiline && !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    field.flush();
  };
  const common = {
    id,
    value: field.value,
    lang,
    onBlur: field.onBlur,
    onKeyDown,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-testid': testId,
  };
  return (
    <div className="node-form__field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => field.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={number ? 'number' : 'text'}
          onChange={(e) => field.onChange(e.target.value)}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

interface LocalizedProps {
  /** What the text is (“Customer line”), said before each locale. */
  label: string;
  text: LocalizedRead;
  locales: readonly string[];
  /** Writes one locale's text, or the one string when `locale` is null. */
  onCommit: (locale: string | null, value: string) => void;
  testId: string;
}

/** A text per locale (one area each, labelled with the locale), or one area for a plain string. */
export function LocalizedFields({ label, text, locales, onCommit, testId }: LocalizedProps) {
  const { t } = useTranslation('author');
  if (text.kind === 'other') return <p className="author-muted">{t('form.notText', { label })}</p>;
  if (text.kind === 'plain')
    return (
      <CommitField
        label={t('form.allLocales', { label })}
        value={text.text}
        multiline
        onCommit={(v) => onCommit(null, v)}
        testId={`${testId}-all`}
      />
    );
  const texts = text.kind === 'map' ? text.texts : {};
  // The scenario's locales first, then any other locale the text has.
  const shown = [...locales, ...Object.keys(texts).filter((l) => !locales.includes(l))];
  return (
    <>
      {shown.map((locale) => (
        <CommitField
          key={locale}
          label={t('form.inLocale', { label, locale })}
          value={texts[locale] ?? ''}
          lang={locale}
          multiline
          onCommit={(v) => onCommit(locale, v)}
          testId={`${testId}-${locale}`}
        />
      ))}
    </>
  );
}
