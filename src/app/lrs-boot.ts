// Whether to fetch the xAPI code at all: only when LRS settings were saved on this device. Read
// straight from localStorage so the shell imports no state module for it (a state module shared by the
// shell and the xAPI chunk would pull the trainee-shared chunk into the first download). The key is
// `LRS_SETTINGS_KEY` of src/state/lrs-config.ts, which validates the settings; a test keeps them equal.
export const LRS_SETTINGS_KEY = 'composure.lrs';

export function lrsSettingsSaved(): boolean {
  try {
    return Boolean(globalThis.localStorage?.getItem(LRS_SETTINGS_KEY));
  } catch {
    return false;
  }
}

export function bootLrs(): void {
  if (lrsSettingsSaved()) void import('@/state/lrs-bridge').then((m) => m.startLrsBridge());
}
