import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '@/engine/format/ids';
import { useVoice } from '@/state/voice-store';

// Where voice attaches to Play. Only these small checks ride in Play's chunk: speaking and listening
// load on demand (on-demand-voice) once the trainee turns voice on, in a phone call, in a browser
// that has the API. Without the API nothing here renders and nothing is fetched.

const VoiceSpeaker = lazy(() => import('./voice-speaker'));
const VoiceReply = lazy(() => import('./voice-reply'));

// The controls' strings, fetched on their own the first time a phone call can offer voice. Not through
// i18n/lazy-namespaces: importing that module from Play's chunk makes the bundler split React out of
// the entry chunk, which costs the trainee about 1.5 KB gzip.
const strings = import.meta.glob<Record<string, unknown>>('../../i18n/locales-lazy/*/voice.json', {
  import: 'default',
});

/** True once the voice strings are in i18next; starts loading them when `active`. */
function useVoiceStrings(active: boolean): boolean {
  const { i18n } = useTranslation();
  const has = () => i18n.hasResourceBundle(i18n.language, 'voice');
  const [ready, setReady] = useState(has);
  useEffect(() => {
    if (!active || ready) return;
    let live = true;
    void Promise.all(
      Object.entries(strings).map(async ([path, load]) => {
        const lng = /locales-lazy\/([^/]+)\//.exec(path)?.[1];
        if (lng && !i18n.hasResourceBundle(lng, 'voice'))
          i18n.addResourceBundle(lng, 'voice', await load(), true, true);
      }),
    ).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [active, ready, i18n]);
  return ready;
}

const canSpeak = () =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
const canListen = () =>
  typeof window !== 'undefined' && ('SpeechRecognition' in window || 'webkitSpeechRecognition' in window);

/** The on/off switch, in Play's settings: shown in phone calls where the browser can speak. */
export function VoiceSetting() {
  const { t } = useTranslation('voice');
  const enabled = useVoice((s) => s.enabled);
  const phoneCall = useVoice((s) => s.phoneCall);
  const setEnabled = useVoice((s) => s.setEnabled);
  const hintId = useId();
  const shown = phoneCall && canSpeak();
  const ready = useVoiceStrings(shown);
  if (!shown || !ready) return null;
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

interface CallProps {
  channel: Channel;
  lineId: string | null;
  text: string;
  locale: string;
  anger: number;
}

/** Tells the controls a phone call is on screen, and speaks its customer's lines when voice is on. */
export function VoiceOnCall({ channel, ...line }: CallProps) {
  const setPhoneCall = useVoice((s) => s.setPhoneCall);
  const enabled = useVoice((s) => s.enabled);
  const phone = channel === 'phone';
  useEffect(() => {
    setPhoneCall(phone);
    return () => setPhoneCall(false);
  }, [phone, setPhoneCall]);
  if (!phone || !enabled || !canSpeak()) return null;
  return (
    <Suspense fallback={null}>
      <VoiceSpeaker {...line} />
    </Suspense>
  );
}

interface ReplyProps {
  locale: string;
  enabled: boolean;
  onTranscript: (text: string) => void;
}

/** "Speak your reply" beside the typed-reply box, when voice is on and the browser can listen. */
export function VoiceReplyButton(props: ReplyProps) {
  const on = useVoice((s) => s.enabled && s.phoneCall) && canListen();
  const ready = useVoiceStrings(on);
  if (!on || !ready) return null;
  return (
    <Suspense fallback={null}>
      <VoiceReply {...props} />
    </Suspense>
  );
}
