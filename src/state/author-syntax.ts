// Why a scenario file is not valid JSON, in the trainer's terms. The loader's parser says only
// "unexpected character"; a Chinese keyboard's "，" or "：" typed between fields, a comma left
// after the last item, or a forgotten quote or comma are what trainers actually hit. Pure: it runs
// in the author worker beside the check, and in unit tests.

export type SyntaxCauseKind = 'full-width' | 'trailing-comma' | 'missing-quote' | 'missing-comma';

export interface SyntaxCause {
  kind: SyntaxCauseKind;
  /** Offsets (UTF-16 units) of the text to highlight. */
  from: number;
  to: number;
  /** 1-based, as the loader's diagnostics. */
  line: number;
  column: number;
  /**
   * The offending text: the full-width character, the unquoted word or unclosed string, the comma
   * left before a closing bracket, or the value that should have a comma before it.
   */
  text: string;
  /** For full-width punctuation: what it stands for in JSON. */
  ascii?: string;
}

/** Full-width punctuation a Chinese or Japanese keyboard types, and the JSON character it stands for. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '＂': '"',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
};

const OPENING_QUOTES = new Set(['“', '＂']);
const CLOSING_QUOTES = new Set(['”', '“', '＂', '"']);

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

type Token =
  | { type: 'punct'; value: '{' | '}' | '[' | ']' | ':' | ','; from: number; to: number }
  | { type: 'string'; closed: boolean; from: number; to: number }
  | { type: 'number' | 'word' | 'full-width' | 'other'; from: number; to: number };

const WORD = /[A-Za-z0-9_$\-+.\u00C0-\uFFFF]/;
const LITERALS = new Set(['true', 'false', 'null']);

/** One token at `i` (after whitespace); null at the end of the text. */
function nextToken(text: string, start: number): Token | null {
  let i = start;
  while (i < text.length && /\s/.test(text[i]!)) i += 1;
  if (i >= text.length) return null;
  const ch = text[i]!;
  if ('{}[]:,'.includes(ch)) return { type: 'punct', value: ch as '{', from: i, to: i + 1 };
  if (FULL_WIDTH[ch]) return { type: 'full-width', from: i, to: i + 1 };
  if (ch === '"') {
    // A JSON string ends at its closing quote; a raw line break means the quote was never closed.
    let j = i + 1;
    while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
    if (text[j] === '"') return { type: 'string', closed: true, from: i, to: j + 1 };
    let end = Math.min(j, text.length);
    while (end > i + 1 && /\s/.test(text[end - 1]!)) end -= 1;
    return { type: 'string', closed: false, from: i, to: end };
  }
  if (WORD.test(ch)) {
    let j = i;
    while (j < text.length && WORD.test(text[j]!) && !FULL_WIDTH[text[j]!]) j += 1;
    const type = /^-?\d/.test(text.slice(i, j)) ? 'number' : 'word';
    return { type, from: i, to: j };
  }
  return { type: 'other', from: i, to: i + 1 };
}

const endsValue = (t: Token) =>
  t.type === 'string' ||
  t.type === 'number' ||
  t.type === 'word' ||
  (t.type === 'punct' && (t.value === '}' || t.value === ']'));
const startsValue = (t: Token) =>
  t.type === 'string' ||
  t.type === 'number' ||
  t.type === 'word' ||
  (t.type === 'punct' && (t.value === '{' || t.value === '['));

/**
 * The first likely cause of a JSON syntax error in `text`, or null when none of the known ones is
 * found (the loader's own message then stands alone). Causes are looked for in reading order, so
 * the one reported is the first the trainer would meet.
 */
export function findSyntaxCause(text: string): SyntaxCause | null {
  const cause = (kind: SyntaxCauseKind, from: number, to: number, ascii?: string): SyntaxCause => ({
    kind,
    from,
    to,
    ...position(text, from),
    text: text.slice(from, to),
    ...(ascii ? { ascii } : {}),
  });
  let prev: Token | null = null;
  let beforePrev: Token | null = null;
  const open: string[] = [];
  for (let token = nextToken(text, 0); token; token = nextToken(text, token.to)) {
    const slice = text.slice(token.from, token.to);
    if (token.type === 'full-width') return cause('full-width', token.from, token.to, FULL_WIDTH[slice]);
    if (token.type === 'string' && !token.closed) return cause('missing-quote', token.from, token.to);
    if (token.type === 'word' && !LITERALS.has(slice)) return cause('missing-quote', token.from, token.to);
    if (token.type === 'punct') {
      if ((token.value === '}' || token.value === ']') && prev?.type === 'punct' && prev.value === ',')
        return cause('trailing-comma', prev.from, prev.to);
      if (token.value === '{' || token.value === '[') open.push(token.value);
      if (token.value === '}' || token.value === ']') open.pop();
    }
    // Two values side by side inside an object or array: the comma between them is missing. A key
    // followed by a value lacks its colon instead, which is not one of the causes named here.
    if (open.length > 0 && prev && endsValue(prev) && startsValue(token)) {
      const key =
        open.at(-1) === '{' &&
        prev.type === 'string' &&
        beforePrev?.type === 'punct' &&
        (beforePrev.value === '{' || beforePrev.value === ',');
      if (key) return null;
      return cause('missing-comma', token.from, token.to);
    }
    beforePrev = prev;
    prev = token;
  }
  return null;
}

/**
 * Full-width punctuation outside strings turned into JSON's ASCII, text inside strings untouched. A
 * full-width opening quote starts a string (its contents then stay as typed) that a full-width or
 * ASCII closing quote ends; both become ASCII quotes.
 */
export function fixFullWidth(text: string): { text: string; changed: number } {
  let out = '';
  let changed = 0;
  let state: 'outside' | 'ascii' | 'converted' = 'outside';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (state === 'outside') {
      const ascii = FULL_WIDTH[ch];
      if (ascii) {
        out += ascii;
        changed += 1;
        if (OPENING_QUOTES.has(ch) || ch === '”') state = 'converted';
        continue;
      }
      if (ch === '"') state = 'ascii';
      out += ch;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      out += ch + text[i + 1]!;
      i += 1;
      continue;
    }
    if (ch === '\n')
      state = 'outside'; // an unclosed string ends with its line
    else if (state === 'ascii' && ch === '"') state = 'outside';
    else if (state === 'converted' && CLOSING_QUOTES.has(ch)) {
      state = 'outside';
      if (ch !== '"') changed += 1;
      out += '"';
      continue;
    }
    out += ch;
  }
  return { text: out, changed };
}
