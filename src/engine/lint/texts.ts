import type { LocalizedText } from '../format/localized-text';
import type { Scenario } from '../format/scenario-schema';
import { graphOf } from './graph';

type Path = Array<string | number>;

/** Which text of a scenario: with the node and the response or `say` variant index, enough for its path. */
export type TextField =
  | 'title'
  | 'brief'
  | 'role'
  | 'customer-name'
  | 'say'
  | 'say-variant'
  | 'note'
  | 'unclear'
  | 'ending-say'
  | 'ending-summary'
  | 'response-text'
  | 'feedback'
  | 'reply'
  | 'promise-what';

/** Where a text sits. The walk reuses one site for every text: read it, or copy it, during the visit. */
export interface TextSite {
  node: string;
  field: TextField;
  /** The response's or `say` variant's index. */
  index: number;
}

/** The JSON path of a text (and of one locale's string in it): built only when there is something to report. */
export function textPath(site: Readonly<TextSite>, locale?: string): Path {
  const { node, field, index } = site;
  const base: Path =
    field === 'title' || field === 'brief' || field === 'role'
      ? [field]
      : field === 'customer-name'
        ? ['customer', 'name']
        : field === 'say-variant'
          ? ['nodes', node, 'say', index, 'text']
          : field === 'say' || field === 'note' || field === 'unclear'
            ? ['nodes', node, field]
            : field === 'ending-say'
              ? ['nodes', node, 'ending', 'say']
              : field === 'ending-summary'
                ? ['nodes', node, 'ending', 'summary']
                : field === 'response-text'
                  ? ['nodes', node, 'responses', index, 'text']
                  : field === 'promise-what'
                    ? ['nodes', node, 'responses', index, 'promise', 'what']
                    : ['nodes', node, 'responses', index, field];
  return locale === undefined ? base : [...base, locale];
}

export type TextVisitor = (text: LocalizedText, site: Readonly<TextSite>) => void;

/**
 * Calls `visit` for every piece of text a trainee or trainer can see, in the order of the format's
 * fields. One walk for every text check (translations, punctuation, invisible text): it allocates
 * nothing per text, so it stays cheap on 10,000 nodes.
 */
export function forEachText(scenario: Scenario, visit: TextVisitor): void {
  const site: TextSite = { node: '', field: 'title', index: 0 };
  const each = (text: LocalizedText | undefined, field: TextField, index = 0) => {
    if (text === undefined) return;
    site.field = field;
    site.index = index;
    visit(text, site);
  };
  each(scenario.title, 'title');
  each(scenario.brief, 'brief');
  each(scenario.role, 'role');
  each(scenario.customer.name, 'customer-name');
  const { ids, nodes } = graphOf(scenario);
  for (let n = 0; n < ids.length; n += 1) {
    const node = nodes[n]!;
    site.node = ids[n]!;
    const say = node.say;
    if (Array.isArray(say)) for (let i = 0; i < say.length; i += 1) each(say[i]!.text, 'say-variant', i);
    else each(say, 'say');
    each(node.note, 'note');
    each(node.unclear, 'unclear');
    if (node.ending) {
      each(node.ending.say, 'ending-say');
      each(node.ending.summary, 'ending-summary');
    }
    const responses = node.responses;
    if (!responses) continue;
    for (let i = 0; i < responses.length; i += 1) {
      const r = responses[i]!;
      each(r.text, 'response-text', i);
      each(r.feedback, 'feedback', i);
      each(r.reply, 'reply', i);
      if (r.promise) each(r.promise.what, 'promise-what', i);
    }
  }
}

// ASCII punctuation touching a CJK character: Chinese text takes full-width forms (，？！：；（）).
const ASCII_BY_CJK = /[\u3400-\u9fff][,?!:;()]|[,?!:;()][\u3400-\u9fff]/;
// Bidi embeddings, overrides and isolates can make text display in an order other than it is stored.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
// Most text has neither: one search for any of those characters lets it skip both checks.
const SUSPECT = /[,?!:;()\u202a-\u202e\u2066-\u2069]/;
/** Text is invisible when it has no character outside white space and the invisible formatters. */
const VISIBLE = /[^\s\u200b-\u200f\u2060\ufeff\u00ad]/u;

/**
 * Most text starts with a printable ASCII letter or a CJK ideograph, which VISIBLE matches: say so
 * without running the expression on each of 100,000 texts. Anything else goes to VISIBLE.
 */
function startsVisible(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c >= 0x3400 && c <= 0x9fff);
}

export interface TextProblem {
  code: 'W_ASCII_PUNCTUATION' | 'W_BIDI_CONTROL' | 'W_INVISIBLE_TEXT';
  message: string;
  path: Path;
}

export function textProblems(scenario: Scenario): TextProblem[] {
  const out: TextProblem[] = [];
  forEachText(scenario, textCheck(out));
  return out;
}

/** A check of one string of a text: its locale, or undefined for a plain string (every locale). */
export type StringCheck = (text: string, locale: string | undefined, site: Readonly<TextSite>) => void;

/** The checks as a visitor for forEachText. */
export function textCheck(out: TextProblem[]): TextVisitor {
  const check = stringCheck(out);
  return (text, site) => {
    if (typeof text === 'string') return check(text, undefined, site);
    for (const locale in text) check(text[locale]!, locale, site);
  };
}

/**
 * The checks of one string, for a walk that already reads each text's locales (the translation
 * check's), so lint reads every text once for both.
 */
export function stringCheck(out: TextProblem[]): StringCheck {
  return (text, locale, site) => {
    const suspect = SUSPECT.test(text);
    if (suspect && (locale === undefined || locale.startsWith('zh'))) {
      const m = ASCII_BY_CJK.exec(text);
      if (m)
        out.push({
          code: 'W_ASCII_PUNCTUATION',
          message: `ASCII punctuation next to Chinese text ("${m[0]}"): use the full-width form`,
          path: textPath(site, locale),
        });
    }
    if (suspect && BIDI.test(text))
      out.push({
        code: 'W_BIDI_CONTROL',
        message: 'text contains a bidirectional control character that can reorder what readers see',
        path: textPath(site, locale),
      });
    else if (!startsVisible(text) && !VISIBLE.test(text))
      out.push({
        code: 'W_INVISIBLE_TEXT',
        message: 'text has only invisible characters',
        path: textPath(site, locale),
      });
  };
}
