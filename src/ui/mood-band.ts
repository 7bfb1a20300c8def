// Shared by the avatar and the meters so the face and the words never disagree.
export type MoodBand = 'calm' | 'tense' | 'annoyed' | 'furious';

export function moodBand(anger: number): MoodBand {
  if (anger >= 70) return 'furious';
  if (anger >= 45) return 'annoyed';
  if (anger >= 20) return 'tense';
  return 'calm';
}

export const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
