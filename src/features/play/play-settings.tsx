import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '@/state/settings-store';
import { VoiceSetting } from './voice-mount';

type TimerChoice = 'phone' | 'always' | 'off';

export function PlaySettings() {
  const { t } = useTranslation('play');
  const turnTimer = useSettings((s) => s.turnTimer);
  const phoneTimer = useSettings((s) => s.phoneTimer);
  const typingMs = useSettings((s) => s.typingMs);
  const update = useSettings((s) => s.update);
  const timerId = useId();
  const timer: TimerChoice = turnTimer ? 'always' : phoneTimer ? 'phone' : 'off';
  const chooseTimer = (choice: TimerChoice) =>
    update({ turnTimer: choice === 'always', phoneTimer: choice !== 'off' });
  return (
    <details className="settings">
      <summary>{t('settings.title')}</summary>
      <label className="field" htmlFor={timerId}>
        {t('settings.timer')}
      </label>
      <select
        id={timerId}
        value={timer}
        onChange={(e) => chooseTimer(e.target.value as TimerChoice)}
        data-testid="setting-timer"
      >
        <option value="phone">{t('settings.timerPhone')}</option>
        <option value="always">{t('settings.timerAlways')}</option>
        <option value="off">{t('settings.timerOff')}</option>
      </select>
      <label className="check">
        <input
          type="checkbox"
          checked={typingMs > 0}
          onChange={(e) => update({ typingMs: e.target.checked ? 900 : 0 })}
        />
        {t('settings.typing')}
      </label>
      <VoiceSetting />
    </details>
  );
}
