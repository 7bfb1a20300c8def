import type { LocalizedText } from '../format/localized-text';
import type { Scenario } from '../format/scenario-schema';

type Path = Array<string | number>;

/** Every localized text map that lacks a declared locale. Plain strings count as every locale. */
export function missingTranslations(scenario: Scenario): Array<{ path: Path; missing: string[] }> {
  const out: Array<{ path: Path; missing: string[] }> = [];
  const check = (text: LocalizedText | undefined, path: () => Path) => {
    if (text === undefined || typeof text === 'string') return;
    let missing: string[] | null = null;
    for (const locale of scenario.locales) if (!(locale in text)) (missing ??= []).push(locale);
    if (missing) out.push({ path: path(), missing });
  };
  check(scenario.title, () => ['title']);
  check(scenario.brief, () => ['brief']);
  check(scenario.role, () => ['role']);
  check(scenario.customer.name, () => ['customer', 'name']);
  for (const [id, node] of Object.entries(scenario.nodes)) {
    check(node.say, () => ['nodes', id, 'say']);
    check(node.note, () => ['nodes', id, 'note']);
    check(node.ending?.say, () => ['nodes', id, 'ending', 'say']);
    check(node.ending?.summary, () => ['nodes', id, 'ending', 'summary']);
    node.responses?.forEach((r, i) => {
      check(r.text, () => ['nodes', id, 'responses', i, 'text']);
      check(r.feedback, () => ['nodes', id, 'responses', i, 'feedback']);
      check(r.promise?.what, () => ['nodes', id, 'responses', i, 'promise', 'what']);
    });
  }
  return out;
}
