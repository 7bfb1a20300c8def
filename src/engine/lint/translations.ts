import type { Scenario } from '../format/scenario-schema';
import { forEachText, textPath, type StringCheck, type TextVisitor } from './texts';

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

/**
 * The check as a visitor for forEachText. `each`, if given, is called with every string it reads
 * (plain strings with no locale), so lint's other text checks share its reading of each text.
 */
export function translationCheck(
  locales: readonly string[],
  found: TranslationProblems,
  each?: StringCheck,
): TextVisitor {
  return (text, site) => {
    if (typeof text === 'string') return each?.(text, undefined, site);
    // Most texts are complete: decide that without allocating, and build paths only for problems.
    let count = 0;
    let complete = true;
    for (const key in text) {
      each?.(text[key]!, key, site);
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
