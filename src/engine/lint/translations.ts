import type { Scenario } from '../format/scenario-schema';
import { forEachText, textPath, type TextVisitor } from './texts';

type Path = Array<string | number>;

export interface TranslationProblems {
  /** Text maps that lack a declared locale. Plain strings count as every locale. */
  missing: Array<{ path: Path; missing: string[] }>;
  /** Text in locales the scenario does not declare (likely a typo: "zh_CN"). */
  undeclared: Array<{ path: Path; locale: string }>;
}

/** Every localized text map that lacks a declared locale. */
export function missingTranslations(scenario: Scenario): Array<{ path: Path; missing: string[] }> {
  return checkTranslations(scenario).missing;
}

/** Missing declared locales, and text in locales the scenario does not declare. */
export function checkTranslations(scenario: Scenario): TranslationProblems {
  const found: TranslationProblems = { missing: [], undeclared: [] };
  forEachText(scenario, translationCheck(scenario.locales, found));
  return found;
}

/** The check as a visitor for forEachText, so lint runs it in the same walk as the other text checks. */
export function translationCheck(locales: readonly string[], found: TranslationProblems): TextVisitor {
  return (text, site) => {
    if (typeof text === 'string') return;
    // Most texts are complete: decide that without allocating, and build paths only for problems.
    let count = 0;
    let complete = true;
    for (const key in text) {
      if (!locales.includes(key)) {
        complete = false;
        found.undeclared.push({ path: textPath(site, key), locale: key });
      } else count += 1;
    }
    if (complete && count === locales.length) return;
    const lacking = locales.filter((locale) => !(locale in text));
    if (lacking.length > 0) found.missing.push({ path: textPath(site), missing: lacking });
  };
}
