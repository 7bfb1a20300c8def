import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { field, localJsonStorage, parseJson } from './persist-storage';

export interface Settings {
  /** Count down on nodes with a `timeLimit`; silence is then sent to the engine. Off by default: it adds stress. */
  turnTimer: boolean;
  /** How long the customer "types" before a line appears; 0 shows lines at once. */
  typingMs: number;
}

export const SETTINGS_STORAGE_KEY = 'composure.settings';
const DEFAULTS: Settings = { turnTimer: false, typingMs: 900 };

/** Each saved field that is usable, the default for any other. */
function readSettings(saved: unknown): Settings {
  const turnTimer = field(saved, 'turnTimer');
  const typingMs = field(saved, 'typingMs');
  return {
    turnTimer: typeof turnTimer === 'boolean' ? turnTimer : DEFAULTS.turnTimer,
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
      version: 1,
      storage: localJsonStorage({ bare: parseJson }),
      partialize: ({ turnTimer, typingMs }) => ({ turnTimer, typingMs }),
      // Version 0 (saved bare, before `persist`) has the same fields: `merge` checks them all.
      migrate: (saved) => readSettings(saved),
      merge: (saved, current) => ({ ...current, ...readSettings(saved) }),
    },
  ),
);
