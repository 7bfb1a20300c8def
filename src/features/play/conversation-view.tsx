import { useEffect, useRef } from 'react';
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
  const shown = typing ? lines.filter((l) => l !== lastCustomer) : lines;

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown.length, typing]);

  return (
    <section
      className={`conversation conversation--${variant}`}
      aria-label={t('conversation.label')}
      data-testid="conversation"
    >
      <ol className="conversation__lines">
        {shown.map((line) => {
          if (line.kind === 'silence')
            return (
              <li key={line.id} className="line line--system">
                {t('conversation.silence')}
              </li>
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
          return (
            <li
              key={line.id}
              className={`line line--customer${line.ending ? ' line--ending' : ''}`}
              data-node={line.node}
            >
              <span className="line__who">{customerName}</span>
              {line.note ? <p className="line__note">{pickText(line.note, locale)}</p> : null}
              {line.say ? (
                <p className="bubble bubble--customer" data-testid="customer-line">
                  {pickText(line.say, locale)}
                </p>
              ) : null}
            </li>
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
