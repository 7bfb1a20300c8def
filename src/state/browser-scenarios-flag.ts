// Set while this browser's library holds scenarios added here (published from the Author view or
// imported; src/state/published-scenarios.ts): only then do the library and Play fetch that code. Its
// own module so the store can set it without importing the catalogue (which loads the store lazily).

export const BROWSER_SCENARIOS_KEY = 'composure.browser-scenarios';

export function hasBrowserScenarios(): boolean {
  try {
    return Boolean(globalThis.localStorage?.getItem(BROWSER_SCENARIOS_KEY));
  } catch {
    return false; // storage blocked: nothing can have been added here either
  }
}
