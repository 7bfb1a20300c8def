import { create } from 'zustand';
import { readJson, writeJson } from './storage';

export interface Settings {
  /** Count down on nodes with a `timeLimit`; silence is then sent to the engine. Off by default: it adds stress. */
  turnTimer: boolean;
  /** How long the customer "types" before a line appears; 0 shows lines at once. */
  typingMs: number;
}

const KEY = 'composure.settings';
const DEFAULTS: Settings = { turnTimer: false, typingMs: 900 };

function isPartialSettings(value: unknown): value is Partial<Settings> {
  return typeof value === 'object' && value !== null;
}

function load(): Settings {
  const stored = readJson(KEY, isPartialSettings) ?? {};
  return {
    turnTimer: typeof stored.turnTimer === 'boolean' ? stored.turnTimer : DEFAULTS.turnTimer,
    typingMs:
      typeof stored.typingMs === 'number' && stored.typingMs >= 0 ? stored.typingMs : DEFAULTS.typingMs,
  };
}

interface SettingsStore extends Settings {
  update: (patch: Partial<Settings>) => void;
}

export const useSettings = create<SettingsStore>((set, get) => ({
  ...load(),
  update: (patch) => {
    set(patch);
    const { turnTimer, typingMs } = get();
    writeJson(KEY, { turnTimer, typingMs });
  },
}));
