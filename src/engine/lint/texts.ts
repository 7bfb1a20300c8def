import type { LocalizedText } from '../format/localized-text';
import type { Scenario } from '../format/scenario-schema';

type Path = Array<string | number>;
export type TextVisitor = (text: string, locale: string | null, path: () => Path) => void;

/** Calls `visit` for every piece of text a trainee or trainer can see, with its locale and path. */
export function forEachText(scenario: Scenario, visit: TextVisitor): void {
  const each = (text: LocalizedText | undefined, path: () => Path) => {
    if (text === undefined) return;
    if (typeof text === 'string') return visit(text, null, path);
    for (const locale in text) visit(text[locale]!, locale, () => [...path(), locale]);
  };
  each(scenario.title, () => ['title']);
  each(scenario.brief, () => ['brief']);
  each(scenario.role, () => ['role']);
  each(scenario.customer.name, () => ['customer', 'name']);
  for (const id in scenario.nodes) {
    const node = scenario.nodes[id]!;
    if (Array.isArray(node.say))
      node.say.forEach((v, i) => each(v.text, () => ['nodes', id, 'say', i, 'text']));
    else each(node.say, () => ['nodes', id, 'say']);
    each(node.note, () => ['nodes', id, 'note']);
    each(node.unclear, () => ['nodes', id, 'unclear']);
    each(node.ending?.say, () => ['nodes', id, 'ending', 'say']);
    each(node.ending?.summary, () => ['nodes', id, 'ending', 'summary']);
    node.responses?.forEach((r, i) => {
      const base = () => ['nodes', id, 'responses', i];
      each(r.text, () => [...base(), 'text']);
      each(r.feedback, () => [...base(), 'feedback']);
      each(r.reply, () => [...base(), 'reply']);
      each(r.promise?.what, () => [...base(), 'promise', 'what']);
    });
  }
}

// ASCII punctuation touching a CJK character: Chinese text takes full-width forms (，？！：；（）).
const ASCII_BY_CJK = /[\u3400-\u9fff][,?!:;()]|[,?!:;()][\u3400-\u9fff]/;
// Bidi embeddings, overrides and isolates can make text display in an order other than it is stored.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /^[\s\u200b-\u200f\u2060\ufeff\u00ad]*$/u;

export interface TextProblem {
  code: 'W_ASCII_PUNCTUATION' | 'W_BIDI_CONTROL' | 'W_INVISIBLE_TEXT';
  message: string;
  path: Path;
}

export function textProblems(scenario: Scenario): TextProblem[] {
  const out: TextProblem[] = [];
  forEachText(scenario, (text, locale, path) => {
    if ((locale === null || locale.startsWith('zh')) && ASCII_BY_CJK.test(text)) {
      const m = ASCII_BY_CJK.exec(text)!;
      out.push({
        code: 'W_ASCII_PUNCTUATION',
        message: `ASCII punctuation next to Chinese text ("${m[0]}"): use the full-width form`,
        path: path(),
      });
    }
    if (BIDI.test(text))
      out.push({
        code: 'W_BIDI_CONTROL',
        message: 'text contains a bidirectional control character that can reorder what readers see',
        path: path(),
      });
    else if (INVISIBLE.test(text))
      out.push({ code: 'W_INVISIBLE_TEXT', message: 'text has only invisible characters', path: path() });
  });
  return out;
}
