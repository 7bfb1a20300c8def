import { useTranslation } from 'react-i18next';

/** "Customer is typing…" — three dots; the CSS animation stops under prefers-reduced-motion. */
export function TypingIndicator({ name, onSkip }: { name: string; onSkip: () => void }) {
  const { t } = useTranslation('ui');
  return (
    <button type="button" className="typing" onClick={onSkip} data-testid="typing-indicator">
      <span className="typing__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="visually-hidden">{t('typing.label', { name })}</span>
      <span className="typing__skip">{t('typing.skip')}</span>
    </button>
  );
}
