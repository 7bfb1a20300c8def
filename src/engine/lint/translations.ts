import type { LocalizedText } from '../format/localized-text';
import type { Scenario } from '../format/scenario-schema';

type Path = Array<string | number>;

/** Every localized text map that lacks a declared locale. Plain strings count as every locale. */
export function missingTranslations(scenario: Scenario): Array<{ path: Path; missing: string[] }> {
  return checkTranslations(scenario).missing;
}

/** Missing declared locales, and text in locales the scenario does not declare (likely a typo: "zh_CN"). */
export function checkTranslations(scenario: Scenario): {
  missing: Array<{ path: Path; missing: string[] }>;
  undeclared: Array<{ path: Path; locale: string }>;
} {
  const out: Array<{ path: Path; missing: string[] }> = [];
  let undeclared: Array<{ path: Path; locale: string }> | null = null;
  const locales = scenario.locales;
  // Most texts are complete: decide that without allocating, and build paths only for problems.
  const complete = (text: LocalizedText | undefined) => {
    if (text === undefined || typeof text === 'string') return true;
    let count = 0;
    for (const key in text) {
      if (!locales.includes(key)) return false;
      count += 1;
    }
    return count === locales.length;
  };
  const check = (text: LocalizedText | undefined, path: () => Path) => {
    if (complete(text) || text === undefined || typeof text === 'string') return;
    for (const key in text)
      if (!scenario.locales.includes(key)) (undeclared ??= []).push({ path: [...path(), key], locale: key });
    let missing: string[] | null = null;
    for (const locale of scenario.locales) if (!(locale in text)) (missing ??= []).push(locale);
    if (missing) out.push({ path: path(), missing });
  };
  check(scenario.title, () => ['title']);
  check(scenario.brief, () => ['brief']);
  check(scenario.role, () => ['role']);
  check(scenario.customer.name, () => ['customer', 'name']);
  for (const id in scenario.nodes) {
    const node = scenario.nodes[id]!;
    if (Array.isArray(node.say))
      node.say.forEach((v, i) => check(v.text, () => ['nodes', id, 'say', i, 'text']));
    else if (!complete(node.say)) check(node.say, () => ['nodes', id, 'say']);
    check(node.unclear, () => ['nodes', id, 'unclear']);
    if (!complete(node.note)) check(node.note, () => ['nodes', id, 'note']);
    if (node.ending) {
      check(node.ending.say, () => ['nodes', id, 'ending', 'say']);
      check(node.ending.summary, () => ['nodes', id, 'ending', 'summary']);
    }
    const responses = node.responses ?? [];
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      if (complete(r.text) && complete(r.feedback) && complete(r.promise?.what) && complete(r.reply))
        continue;
      check(r.reply, () => ['nodes', id, 'responses', i, 'reply']);
      check(r.text, () => ['nodes', id, 'responses', i, 'text']);
      check(r.feedback, () => ['nodes', id, 'responses', i, 'feedback']);
      check(r.promise?.what, () => ['nodes', id, 'responses', i, 'promise', 'what']);
    }
  }
  return { missing: out, undeclared: undeclared ?? [] };
}
