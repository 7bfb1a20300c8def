import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { field, localJsonStorage, parseJson } from './persist-storage';

export interface Settings {
  /** Count down on every node with a `timeLimit`, whatever the channel; silence is then sent to the engine. */
  turnTimer: boolean;
  /** Count down on phone calls: silence on the line is what the timer trains. On unless turned off. */
  phoneTimer: boolean;
  /** How long the customer "types" before a line appears; 0 shows lines at once. */
  typingMs: number;
}

export const SETTINGS_STORAGE_KEY = 'composure.settings';
const DEFAULTS: Settings = { turnTimer: false, phoneTimer: true, typingMs: 900 };

/** Whether a timed turn counts down in a scenario of this channel. */
export const timerOn = (settings: Pick<Settings, 'turnTimer' | 'phoneTimer'>, channel: string): boolean =>
  settings.turnTimer || (settings.phoneTimer && channel === 'phone');

/**
 * Each saved field that is usable, the default for any other. Versions 0 and 1 had no `phoneTimer`:
 * their `turnTimer: false` was the old default, not a choice against phone timers, so they get the
 * new default (on for phone calls); `turnTimer: true` keeps the timer on everywhere, as before.
 */
function readSettings(saved: unknown): Settings {
  const turnTimer = field(saved, 'turnTimer');
  const phoneTimer = field(saved, 'phoneTimer');
  const typingMs = field(saved, 'typingMs');
  return {
    turnTimer: typeof turnTimer === 'boolean' ? turnTimer : DEFAULTS.turnTimer,
    phoneTimer: typeof phoneTimer === 'boolean' ? phoneTimer : DEFAULTS.phoneTimer,
    typingMs: typeof typingMs === 'number' && typingMs >= 0 ? typingMs : DEFAULTS.typingMs,
  };
}

interface SettingsStore extends Settings {
  update: (patch: Partial<Settings>) => void;
}

export const useSettings = create<SettingsStore>()(
  persist(
    (set) => ({
      ...DEFAULTS,
      update: (patch) => set(patch),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      // 2: `phoneTimer` added (on by default).
      version: 2,
      storage: localJsonStorage({ bare: parseJson }),
      partialize: ({ turnTimer, phoneTimer, typingMs }) => ({ turnTimer, phoneTimer, typingMs }),
      // Version 0 (saved bare, before `persist`) and 1 have a subset of the fields: `merge` checks them all.
      migrate: (saved) => readSettings(saved),
      merge: (saved, current) => ({ ...current, ...readSettings(saved) }),
    },
  ),
);
