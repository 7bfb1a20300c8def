import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const mmss = (seconds: number) =>
  `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;

/** The channel's frame: a call with its running time, a service counter, or a chat window. */
export function CallHeader({
  channel,
  customerName,
  paused,
  ended,
}: {
  channel: 'chat' | 'phone' | 'counter';
  customerName: string;
  paused: boolean;
  ended: boolean;
}) {
  const { t } = useTranslation('play');
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (paused || ended || channel === 'chat') return;
    const timer = window.setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => window.clearInterval(timer);
  }, [paused, ended, channel]);
  return (
    <div className={`call-header call-header--${channel}`} data-testid={`channel-${channel}`}>
      <span className="call-header__icon" aria-hidden="true">
        {channel === 'phone' ? '☎' : channel === 'counter' ? '▦' : '✉'}
      </span>
      <span className="call-header__label">{t(`channel.${channel}`, { name: customerName })}</span>
      {channel !== 'chat' ? (
        <span className="call-header__timer">
          <span className="visually-hidden">{t('channel.elapsed')} </span>
          <time data-testid="call-timer">{mmss(seconds)}</time>
        </span>
      ) : null}
    </div>
  );
}
