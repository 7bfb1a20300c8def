import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recognitionConstructor, transcriptOf, type Recognition } from './voice-recognition';
import { useVoiceStrings } from './voice-strings';
import './voice.css';

interface Props {
  locale: string;
  enabled: boolean;
  /** What was heard goes into the reply box; the trainee reads it and sends it themselves. */
  onTranscript: (text: string) => void;
}

type Status = 'idle' | 'listening' | 'heard' | 'nothing' | 'error';

/** "Speak your reply": loaded with voice (on demand), shown only where the browser can listen. */
export default function VoiceReply({ locale, enabled, onTranscript }: Props) {
  const { t } = useTranslation('voice');
  const [status, setStatus] = useState<Status>('idle');
  const recognition = useRef<Recognition | null>(null);
  useEffect(() => () => recognition.current?.abort(), []);
  const ready = useVoiceStrings();
  const Ctor = recognitionConstructor();
  if (!Ctor || !ready) return null;

  const listen = () => {
    if (recognition.current) {
      recognition.current.stop();
      return;
    }
    const r = new Ctor();
    r.lang = locale;
    r.interimResults = false;
    r.maxAlternatives = 1;
    r.continuous = false;
    let heard = '';
    r.onresult = (event) => {
      heard = transcriptOf(event.results);
    };
    r.onerror = () => setStatus('error');
    r.onend = () => {
      recognition.current = null;
      if (heard) onTranscript(heard);
      setStatus((s) => (s === 'error' ? s : heard ? 'heard' : 'nothing'));
    };
    recognition.current = r;
    setStatus('listening');
    try {
      r.start();
    } catch {
      recognition.current = null;
      setStatus('error');
    }
  };

  return (
    <div className="voice-reply">
      <button
        type="button"
        className="button"
        onClick={listen}
        disabled={!enabled}
        aria-pressed={status === 'listening'}
        data-testid="voice-reply"
      >
        {status === 'listening' ? t('reply.stop') : t('reply.start')}
      </button>
      <span className="field__hint" role="status" data-testid="voice-reply-status">
        {status === 'idle' ? '' : t(`reply.${status}`)}
      </span>
    </div>
  );
}
