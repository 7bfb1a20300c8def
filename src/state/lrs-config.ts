import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { field, localJsonStorage, parseJson } from './persist-storage';

// Where statements go and as whom. Read at start-up by the app shell, which loads the xAPI code only
// when this says an LRS is configured: without one, the trainee downloads none of it.

export interface LrsSettings {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.com/xAPI/ */
  endpoint: string;
  /** Basic auth key and secret (an LRS "client"); both blank for none. */
  username: string;
  password: string;
  /** How the trainee is known across devices: an account (employee id at the organisation) or an email. */
  identity: 'account' | 'mbox';
  /** The organisation's account system, e.g. https://hr.example.com (identity `account`). */
  homePage: string;
  /** The employee id; blank uses the id the trainee entered on this device. */
  accountName: string;
  /** identity `mbox`. */
  email: string;
  /** Attempts that finished before this time (ms) are not sent: only what was played since. */
  configuredAt: number;
}

export const LRS_SETTINGS_KEY = 'composure.lrs';

const isString = (v: unknown): v is string => typeof v === 'string';

function isSettings(value: unknown): value is LrsSettings {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isString(v.endpoint) &&
    isString(v.username) &&
    isString(v.password) &&
    (v.identity === 'account' || v.identity === 'mbox') &&
    isString(v.homePage) &&
    isString(v.accountName) &&
    isString(v.email) &&
    typeof v.configuredAt === 'number'
  );
}

interface SavedSettings {
  settings: LrsSettings | null;
}

/** What was saved, checked: anything unusable, or not http(s), reads as no LRS. */
function readSaved(saved: unknown): SavedSettings {
  const settings = field(saved, 'settings');
  return { settings: isSettings(settings) && isHttpUrl(settings.endpoint) ? settings : null };
}

const settingsStore = createStore<SavedSettings>()(
  persist((): SavedSettings => ({ settings: null }), {
    name: LRS_SETTINGS_KEY,
    version: 1,
    storage: localJsonStorage<SavedSettings>({ bare: parseJson, isEmpty: (s) => s.settings === null }),
    // Version 0 is the settings object itself, as saved before `persist`.
    migrate: (saved, version) => readSaved(version === 0 ? { settings: saved } : saved),
    merge: (saved, current) => ({ ...current, ...readSaved(saved) }),
  }),
);

// Another tab that saves or disconnects changes where this tab's outbox sends, as it did when every
// read went to localStorage.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key === LRS_SETTINGS_KEY) void settingsStore.persist.rehydrate();
});

export const readLrsSettings = (): LrsSettings | null => settingsStore.getState().settings;

export function writeLrsSettings(settings: LrsSettings | null): void {
  settingsStore.setState({ settings });
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** True when statements should be sent: the only thing the app shell asks before loading the xAPI code. */
export const lrsConfigured = (): boolean => readLrsSettings() !== null;
