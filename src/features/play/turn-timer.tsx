import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Counts down a node's time limit; at zero the silence is reported once. Stops while paused. */
export function TurnTimer({
  seconds,
  running,
  onExpire,
}: {
  seconds: number;
  running: boolean;
  onExpire: () => void;
}) {
  const { t } = useTranslation('play');
  const [left, setLeft] = useState(seconds);
  const expired = useRef(false);
  useEffect(() => {
    if (!running || left <= 0) return;
    const timer = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [running, left]);
  useEffect(() => {
    if (left <= 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [left, onExpire]);
  const urgent = left <= 5;
  return (
    <p className={`turn-timer${urgent ? ' turn-timer--urgent' : ''}`} data-testid="turn-timer">
      <svg
        className="turn-timer__icon"
        viewBox="0 0 16 16"
        width="16"
        height="16"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="8" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M8 9V6.2M6.5 1.8h3M12.2 4.6l1-1"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
      </svg>
      {t('timer.left', { count: Math.max(0, left) })}
      {urgent ? (
        <span className="visually-hidden" role="status">
          {t('timer.hurry')}
        </span>
      ) : null}
    </p>
  );
}
