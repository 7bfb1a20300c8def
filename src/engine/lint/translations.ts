import type { Scenario } from '../format/scenario-schema';

const TEXT_FIELDS = new Set(['title', 'brief', 'role', 'name', 'say', 'note', 'text', 'feedback', 'what', 'summary']);

/** Every localized text map that lacks a declared locale. Plain strings count as every locale. */
export function missingTranslations(scenario: Scenario): Array<{ path: Array<string | number>; missing: string[] }> {
  const out: Array<{ path: Array<string | number>; missing: string[] }> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: scenario, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const here = [...path, key];
      const isText = TEXT_FIELDS.has(key) && child !== null && typeof child === 'object' && !Array.isArray(child) && Object.values(child).every((v) => typeof v === 'string');
      if (isText) {
        const missing = scenario.locales.filter((l) => !(l in (child as Record<string, string>)));
        if (missing.length > 0) out.push({ path: here, missing });
      } else stack.push({ value: child, path: here });
    }
  }
  return out.sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
}
