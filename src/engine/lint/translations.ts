import type { Scenario } from '../format/scenario-schema';
import { forEachText, textPath, type StringCheck, type TextSite, type TextVisitor } from './texts';

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
    // The key loops are small functions of their own: written inline here, with `each` called in
    // the loop, this visitor allocated 1.5 MB over the bench's 10,000-node file; apart, nothing.
    const undeclaredBefore = found.undeclared.length;
    const declared = declaredCount(text, locales, found, site);
    const allDeclared = found.undeclared.length === undeclaredBefore;
    if (each) eachString(text, locales, allDeclared, each, site);
    // Most texts are complete: decided without allocating; paths are built only for problems.
    if (allDeclared && declared === locales.length) return;
    const lacking = locales.filter((locale) => !(locale in text));
    if (lacking.length > 0) found.missing.push({ path: textPath(site), missing: lacking });
  };
}

/** How many of the text's locales are declared; the others are reported as undeclared. */
function declaredCount(
  text: Record<string, string>,
  locales: readonly string[],
  found: TranslationProblems,
  site: Readonly<TextSite>,
): number {
  let count = 0;
  for (const key in text) {
    if (locales.includes(key)) count += 1;
    else found.undeclared.push({ path: textPath(site, key), locale: key });
  }
  return count;
}

/** Hands each string of the text to `each`: the declared locales' by name, then any others. */
function eachString(
  text: Record<string, string>,
  locales: readonly string[],
  allDeclared: boolean,
  each: StringCheck,
  site: Readonly<TextSite>,
) {
  for (let i = 0; i < locales.length; i += 1) {
    const value = text[locales[i]!];
    if (value !== undefined) each(value, locales[i], site);
  }
  if (allDeclared) return;
  for (const key in text) if (!locales.includes(key)) each(text[key]!, key, site);
}
