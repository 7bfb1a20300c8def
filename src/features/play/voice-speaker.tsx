import { useEffect } from 'react';
import { speakLine, stopSpeaking } from './voice-speech';

interface Props {
  /** The customer line on screen; null while the customer is still "typing" or nothing is said. */
  lineId: string | null;
  text: string;
  locale: string;
  anger: number;
}

/** Speaks each new customer line once it is shown; renders nothing. Loaded with voice (on demand). */
export default function VoiceSpeaker({ lineId, text, locale, anger }: Props) {
  useEffect(() => {
    if (lineId) speakLine(text, locale, anger);
    // Keyed on the line, not on its text or anger: a mood change alone must not repeat the line.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lineId, locale]);
  useEffect(() => stopSpeaking, []);
  return null;
}
