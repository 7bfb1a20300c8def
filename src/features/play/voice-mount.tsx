import { lazy, Suspense, useEffect } from 'react';
import type { Channel } from '@/engine/format/ids';
import { useVoice } from '@/state/voice-store';

// Where voice attaches to Play. Only these gates ride in Play's chunk; the switch loads when a phone
// call can offer it (on-demand-voice-setting), speaking and listening once the trainee turns voice on
// (on-demand-voice). Without the Web Speech API nothing here renders and nothing is fetched.

const VoiceSettingControl = lazy(() => import('./voice-setting'));
const VoiceSpeaker = lazy(() => import('./voice-speaker'));
const VoiceReply = lazy(() => import('./voice-reply'));

const has = (name: string) => typeof window !== 'undefined' && name in window;
const canSpeak = () => has('speechSynthesis') && has('SpeechSynthesisUtterance');
const canListen = () => has('SpeechRecognition') || has('webkitSpeechRecognition');

/** The switch, in Play's settings: only in a phone call, where the browser can speak. */
export function VoiceSetting() {
  const phoneCall = useVoice((s) => s.phoneCall);
  if (!phoneCall || !canSpeak()) return null;
  return (
    <Suspense fallback={null}>
      <VoiceSettingControl />
    </Suspense>
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
  const on = useVoice((s) => s.enabled && s.phoneCall);
  if (!on || !canListen()) return null;
  return (
    <Suspense fallback={null}>
      <VoiceReply {...props} />
    </Suspense>
  );
}
