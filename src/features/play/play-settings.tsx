import { useTranslation } from 'react-i18next';
import { useSettings } from '@/state/settings-store';

export function PlaySettings() {
  const { t } = useTranslation('play');
  const turnTimer = useSettings((s) => s.turnTimer);
  const typingMs = useSettings((s) => s.typingMs);
  const update = useSettings((s) => s.update);
  return (
    <details className="settings">
      <summary>{t('settings.title')}</summary>
      <label className="check">
        <input
          type="checkbox"
          checked={turnTimer}
          onChange={(e) => update({ turnTimer: e.target.checked })}
        />
        {t('settings.timer')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={typingMs > 0}
          onChange={(e) => update({ typingMs: e.target.checked ? 900 : 0 })}
        />
        {t('settings.typing')}
      </label>
    </details>
  );
}
