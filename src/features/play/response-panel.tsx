import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { preloadAnalyzer } from '@/state/analyzer';
import type { ScenarioResponse } from '@/engine/format/scenario-schema';
import { VoiceReplyButton } from './voice-mount';

interface Props {
  responses: ScenarioResponse[];
  freeText: boolean;
  locale: string;
  turn: number;
  node: string;
  /** Keys and clicks are ignored while paused or while a dialog is open. */
  enabled: boolean;
  onChoose: (responseId: string) => void;
  onType: (text: string) => void;
}

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ResponsePanel({ responses, freeText, locale, turn, node, enabled, onChoose, onType }: Props) {
  const { t } = useTranslation('play');
  const [text, setText] = useState('');
  const textId = useId();
  const hintId = useId();

  // Number keys 1–9 pick a response, as long as the trainee is not typing somewhere.
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTypingTarget(event.target))
        return;
      const index = Number.parseInt(event.key, 10) - 1;
      const response = Number.isInteger(index) ? responses[index] : undefined;
      if (!response) return;
      event.preventDefault();
      onChoose(response.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, responses, onChoose]);

  // A new turn starts with an empty box; adjusting state while rendering avoids an extra effect pass.
  const [textTurn, setTextTurn] = useState(turn);
  if (textTurn !== turn) {
    setTextTurn(turn);
    setText('');
  }

  const submitText = () => {
    if (!enabled || text.trim() === '') return;
    onType(text.trim());
  };

  return (
    <section
      className="responses"
      aria-labelledby={`${textId}-h`}
      data-testid="responses"
      data-turn={turn}
      data-node={node}
    >
      <h2 id={`${textId}-h`} className="responses__title">
        {t('responses.title', { turn })}
      </h2>
      <p className="responses__hint" id={hintId}>
        {t('responses.keys', { count: Math.min(responses.length, 9) })}
      </p>
      <ol className="responses__list">
        {responses.map((r, i) => (
          <li key={r.id}>
            <button
              type="button"
              className="response"
              disabled={!enabled}
              onClick={() => onChoose(r.id)}
              data-response={r.id}
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            >
              <kbd className="response__key" aria-hidden="true">
                {i + 1}
              </kbd>
              <span className="response__text">{pickText(r.text, locale)}</span>
            </button>
          </li>
        ))}
      </ol>
      {freeText ? (
        <form
          className="free-text"
          onSubmit={(e) => {
            e.preventDefault();
            submitText();
          }}
        >
          <label htmlFor={textId}>{t('freeText.label')}</label>
          <textarea
            onFocus={preloadAnalyzer}
            id={textId}
            value={text}
            rows={3}
            maxLength={4000}
            disabled={!enabled}
            aria-describedby={`${textId}-hint`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submitText();
              }
            }}
          />
          <p id={`${textId}-hint`} className="field__hint">
            {t('freeText.hint')}
          </p>
          <VoiceReplyButton
            locale={locale}
            enabled={enabled}
            onTranscript={(heard) => setText((typed) => (typed.trim() ? `${typed.trim()} ${heard}` : heard))}
          />
          <button type="submit" className="button button--primary" disabled={!enabled || text.trim() === ''}>
            {t('freeText.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
