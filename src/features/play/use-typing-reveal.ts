import { useReducedMotion } from 'framer-motion';
import { useEffect, useState } from 'react';

/**
 * Holds back the newest customer line for a moment behind a typing indicator.
 * Instant when the delay is 0 or the trainee prefers reduced motion; skippable at any time.
 */
export function useTypingReveal(latestId: string | null, delayMs: number) {
  const reduced = useReducedMotion();
  const instant = delayMs <= 0 || reduced === true;
  const [revealed, setRevealed] = useState<string | null>(instant ? latestId : null);
  useEffect(() => {
    // Instant reveals are derived below, not stored: no state update inside the effect.
    if (latestId === null || instant) return;
    const timer = window.setTimeout(() => setRevealed(latestId), delayMs);
    return () => window.clearTimeout(timer);
  }, [latestId, delayMs, instant]);
  const typing = !instant && latestId !== null && revealed !== latestId;
  return { typing, skip: () => setRevealed(latestId) };
}
