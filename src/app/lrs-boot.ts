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

/** Opened by a cmi5 LMS: any of its launch parameters in the query (checked in full by the launch itself). */
export function isCmi5Launch(search: string = globalThis.location?.search ?? ''): boolean {
  return /[?&](endpoint|fetch|registration|activityId|actor)=/.test(search);
}

export function bootLrs(): void {
  // A cmi5 launch sends to the LMS's LRS only (LaunchPanel starts it); the saved settings wait.
  if (isCmi5Launch()) return;
  if (lrsSettingsSaved()) void import('@/state/lrs-bridge').then((m) => m.startLrsBridge());
}

/** Only in the SCORM packages (`npm run build:scorm`, mode `scorm`): the web build drops this import. */
export function bootScorm(): void {
  if (import.meta.env.MODE === 'scorm') void import('@/state/scorm-bridge').then((m) => m.startScorm());
}
