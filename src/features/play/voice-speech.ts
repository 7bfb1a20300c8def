// The Web Speech API behind voice for phone calls, loaded on demand (chunk on-demand-voice) once the
// trainee turns voice on. Everything degrades to nothing: a browser without it simply stays silent.

export interface Prosody {
  rate: number;
  pitch: number;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * An angry customer speaks faster and higher: rate 0.9 at anger 0 up to 1.3 at 100, pitch 0.95 to
 * 1.25. Within what every engine renders without distortion (rate 0.1–10, pitch 0–2).
 */
export function prosody(anger: number): Prosody {
  const a = clamp(Number.isFinite(anger) ? anger : 0, 0, 100) / 100;
  return { rate: Math.round((0.9 + 0.4 * a) * 100) / 100, pitch: Math.round((0.95 + 0.3 * a) * 100) / 100 };
}

/** A voice for the attempt's language: the exact tag, then the same language, local voices first. */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  locale: string,
): SpeechSynthesisVoice | null {
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0];
  const norm = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
  const rank = (v: SpeechSynthesisVoice) =>
    (norm(v) === lower ? 0 : norm(v).split('-')[0] === language ? 2 : 9) + (v.localService ? 0 : 1);
  let best: SpeechSynthesisVoice | null = null;
  for (const v of voices) if (rank(v) < 9 && (best === null || rank(v) < rank(best))) best = v;
  return best;
}

export const synthesis = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' &&
  'speechSynthesis' in window &&
  typeof SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;

/** Speaks one customer line, cutting off the one before (the trainee may answer before it ends). */
export function speakLine(text: string, locale: string, anger: number): void {
  const synth = synthesis();
  if (!synth || !text.trim()) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = locale;
  const voice = pickVoice(synth.getVoices(), locale);
  if (voice) utterance.voice = voice;
  const { rate, pitch } = prosody(anger);
  utterance.rate = rate;
  utterance.pitch = pitch;
  synth.cancel();
  synth.speak(utterance);
}

export function stopSpeaking(): void {
  synthesis()?.cancel();
}
