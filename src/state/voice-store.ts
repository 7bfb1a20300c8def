import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { field, localJsonStorage } from './persist-storage';

// Voice for phone calls: the customer's lines spoken, the trainee's reply heard. Off by default (a
// voice in an open-plan office surprises people) and remembered once turned on.

export const VOICE_STORAGE_KEY = 'composure.voice';

interface VoiceStore {
  /** The trainee turned voice on (persisted). */
  enabled: boolean;
  /** A phone call is on screen (not persisted): voice controls show only then. */
  phoneCall: boolean;
  setEnabled: (enabled: boolean) => void;
  setPhoneCall: (phoneCall: boolean) => void;
}

type Saved = Pick<VoiceStore, 'enabled'>;

/** Anything but a saved `true` reads as off. */
const readSaved = (saved: unknown): Saved => ({ enabled: field(saved, 'enabled') === true });

export const useVoice = create<VoiceStore>()(
  persist(
    (set) => ({
      enabled: false,
      phoneCall: false,
      setEnabled: (enabled) => set({ enabled }),
      setPhoneCall: (phoneCall) => set({ phoneCall }),
    }),
    {
      name: VOICE_STORAGE_KEY,
      version: 1,
      storage: localJsonStorage<Saved>({ isEmpty: (s) => !s.enabled }),
      partialize: ({ enabled }) => ({ enabled }),
      // No older shape exists yet; a later version maps what it changes here.
      migrate: (saved) => readSaved(saved),
      merge: (saved, current) => ({ ...current, ...readSaved(saved) }),
    },
  ),
);
