import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Line } from '@/state/conversation';
import { TypingIndicator } from '@/ui/typing-indicator';

interface Props {
  lines: Line[];
  customerName: string;
  locale: string;
  /** The newest customer line is hidden behind the typing indicator while this is true. */
  typing: boolean;
  onSkipTyping: () => void;
  variant: 'chat' | 'phone' | 'counter';
}

export function ConversationView({ lines, customerName, locale, typing, onSkipTyping, variant }: Props) {
  const { t } = useTranslation('play');
  const endRef = useRef<HTMLDivElement>(null);
  const lastCustomer = [...lines].reverse().find((l) => l.kind === 'customer');
  // While the customer "types", their newest words wait; a stage note before them does not.
  const held = typing ? lastCustomer : undefined;

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lines.length, typing]);

  return (
    <section
      className={`conversation conversation--${variant}`}
      aria-label={t('conversation.label')}
      data-testid="conversation"
      // It scrolls on its own once the call is long: keyboard users need to reach it to scroll it.
      tabIndex={0}
    >
      <ol className="conversation__lines">
        {lines.map((line) => {
          if (line.kind === 'silence')
            // The engine keeps the customer on the same line, so the reaction is the customer's
            // alone: it follows the recorded silence, in the interface's words.
            return (
              <Fragment key={line.id}>
                <li className="line line--system">{t('conversation.silence')}</li>
                <li className="line line--customer" data-testid="silence-reaction">
                  <span className="line__who">{customerName}</span>
                  <p className="bubble bubble--customer">{t('conversation.stillThere')}</p>
                </li>
              </Fragment>
            );
          if (line.kind === 'trainee')
            return (
              <li key={line.id} className="line line--trainee">
                <span className="line__who">{t('conversation.you')}</span>
                <p className="bubble bubble--trainee" data-testid="trainee-line">
                  {pickText(line.text, locale)}
                </p>
              </li>
            );
          // A stage note ("[16:30 · The callback] …") is narration, nobody's words.
          return (
            <Fragment key={line.id}>
              {line.note ? (
                <li className="line line--narration" data-node={line.node} data-testid="narration">
                  <p>{pickText(line.note, locale)}</p>
                </li>
              ) : null}
              {line.say && line !== held ? (
                <li
                  className={`line line--customer${line.ending ? ' line--ending' : ''}`}
                  data-node={line.node}
                >
                  <span className="line__who">{customerName}</span>
                  <p className="bubble bubble--customer" data-testid="customer-line">
                    {pickText(line.say, locale)}
                  </p>
                </li>
              ) : null}
            </Fragment>
          );
        })}
        {typing ? (
          <li className="line line--customer">
            <TypingIndicator name={customerName} onSkip={onSkipTyping} />
          </li>
        ) : null}
      </ol>
      <div ref={endRef} />
    </section>
  );
}
