import { readJson, writeJson } from './storage';

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

export function readLrsSettings(): LrsSettings | null {
  const settings = readJson(LRS_SETTINGS_KEY, isSettings);
  return settings && isHttpUrl(settings.endpoint) ? settings : null;
}

export function writeLrsSettings(settings: LrsSettings | null): void {
  if (settings) writeJson(LRS_SETTINGS_KEY, settings);
  else
    try {
      globalThis.localStorage?.removeItem(LRS_SETTINGS_KEY);
    } catch {
      // nothing stored
    }
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
