import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useVoice } from '@/state/voice-store';
import { useVoiceStrings } from './voice-strings';

/** The on/off switch for voice, in Play's settings; loaded when a phone call can offer it. */
export default function VoiceSettingControl() {
  const { t } = useTranslation('voice');
  const enabled = useVoice((s) => s.enabled);
  const setEnabled = useVoice((s) => s.setEnabled);
  const hintId = useId();
  if (!useVoiceStrings()) return null;
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          aria-describedby={hintId}
          data-testid="setting-voice"
        />
        {t('setting.label')}
      </label>
      <p className="field__hint" id={hintId}>
        {t('setting.hint')}
      </p>
    </>
  );
}
