import { fnv1a } from '../../seeded-random';

/**
 * Features the learned classifier reads: character n-grams for Chinese (no spaces to split words),
 * words, word pairs and in-word character n-grams for English (so typos still share most features).
 * Each feature keeps the span of the reply it came from, so a verdict can point at its words.
 *
 * Linear in the length of the text, with a small constant: n-grams are hashed from character codes
 * (no substring is ever built), and a run of one character longer than MAX_RUN reads as MAX_RUN of
 * it ("好好好好好" as "好好好"), so a held-down key adds no features however long it is held.
 */
export const HASH_BITS = 16;
const MASK = (1 << HASH_BITS) - 1;
export const MAX_RUN = 3;

export interface Feature {
  hash: number;
  start: number;
  end: number;
}

export type ModelFamily = 'zh' | 'en';

/** A cue family's finding, fed to the model as a feature so it learns when the cue can be trusted. */
export interface CueFeature {
  rule: string;
  verdict: string;
  start: number;
  end: number;
}

const mix = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
// FNV's low bits are weak on short keys; a final avalanche spreads every input bit over the bucket.
function bucket(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) & MASK;
}
const kind = (name: string) => fnv1a(name) | 0;
const K = {
  z: [0, kind('z1'), kind('z2'), kind('z3')],
  zStart: kind('zb^'),
  zEnd: kind('zb$'),
  word: kind('w'),
  pair: kind('b'),
  negated: kind('n'),
  first: kind('first'),
  chars: [0, 0, 0, kind('c3'), kind('c4'), kind('c5')],
};
const BIAS = bucket(kind('\u0001bias'));
const OPENING = bucket(kind('\u0001opening'));
const QUESTION = bucket(kind('\u0001question'));
const cueBucket = (c: CueFeature) => bucket(kind(`cue:${c.rule}:${c.verdict}`));

const PAD_START = 0x3c; // '<'
const PAD_END = 0x3e; // '>'
const QUESTION_MARK = 0x3f;

/** Full-width forms fold to ASCII so "ＯＫ", "，" and "," read alike; case is folded too. */
function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  // Only the cased scripts (Latin, Greek, Cyrillic) have anything to lower.
  if (code < 0xc0 || code >= 0x530) return code;
  const lower = String.fromCodePoint(code).toLowerCase();
  return lower.length === (code > 0xffff ? 2 : 1) ? lower.codePointAt(0)! : code;
}

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isWordChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2019;
// Clause ends: a negation reaches to the next one ("not happy, but I will" negates only "happy").
const isClauseEnd = (c: number) =>
  c === 0x2c || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a || c === 0x0a;

/** The reply as folded code points, runs capped, each with its span in the original UTF-16 text. */
interface Folded {
  codes: number[];
  start: number[];
  end: number[];
}

function foldText(text: string): Folded {
  const out: Folded = { codes: [], start: [], end: [] };
  let run = 0;
  let previous = -1;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    // The same code point again past the cap only widens the last kept character's span.
    if (cp === previous && run >= MAX_RUN) {
      out.end[out.end.length - 1] = i + width;
      i += width;
      continue;
    }
    const c = fold(cp);
    const n = out.codes.length;
    run = n > 0 && out.codes[n - 1] === c ? run + 1 : 1;
    if (run <= MAX_RUN) {
      out.codes.push(c);
      out.start.push(i);
      out.end.push(i + width);
    } else out.end[n - 1] = i + width;
    previous = cp;
    i += width;
  }
  return out;
}

interface Word {
  from: number;
  to: number;
  hash: number;
  negated: boolean;
}

const NEGATORS = new Set(['not', 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'nor'].map(wordHash));

function wordHash(word: string): number {
  let h = K.word;
  for (let i = 0; i < word.length; i += 1) h = mix(h, word.charCodeAt(i));
  return h;
}

/** Words of the folded text; a word after a negator in the same clause is marked negated. */
function wordsOf(t: Folded): Word[] {
  const words: Word[] = [];
  let negating = false;
  for (let i = 0; i < t.codes.length;) {
    const c = t.codes[i]!;
    if (!isWordChar(c)) {
      if (isClauseEnd(c)) negating = false;
      i += 1;
      continue;
    }
    let j = i;
    let h = K.word;
    while (j < t.codes.length && isWordChar(t.codes[j]!)) h = mix(h, t.codes[j++]!);
    words.push({ from: i, to: j, hash: h, negated: negating });
    // "n't" ends a negator too ("don't", "can't"), whichever apostrophe was typed.
    const nt =
      j - i >= 3 &&
      t.codes[j - 1] === 0x74 &&
      t.codes[j - 2] === 0x6e &&
      (t.codes[j - 3] === 0x27 || t.codes[j - 3] === 0x2019);
    if (NEGATORS.has(h) || nt) negating = true;
    i = j;
  }
  return words;
}

export function extractFeatures(
  text: string,
  family: ModelFamily,
  opening: boolean,
  cues: readonly CueFeature[] = [],
): Feature[] {
  const out: Feature[] = [];
  visitFeatures(text, family, opening, cues, (hash, start, end) => out.push({ hash, start, end }));
  return out;
}

/** The same features, handed one by one to `visit` (bucket, span) without building a list. */
export function visitFeatures(
  text: string,
  family: ModelFamily,
  opening: boolean,
  cues: readonly CueFeature[],
  visit: (hash: number, start: number, end: number) => void,
): void {
  const add = (h: number, start: number, end: number) => visit(bucket(h), start, end);
  visit(BIAS, 0, 0);
  if (opening) visit(OPENING, 0, 0);
  for (const c of cues) visit(cueBucket(c), c.start, c.end);
  const t = foldText(text);
  const { codes, start, end } = t;
  const words = wordsOf(t);
  if (codes.includes(QUESTION_MARK)) visit(QUESTION, 0, 0);
  if (family === 'zh') {
    // Runs of CJK characters (and the odd Latin word) split at punctuation and spaces.
    for (let p = 0; p < codes.length;) {
      if (!isCjk(codes[p]!)) {
        p += 1;
        continue;
      }
      let q = p;
      while (q < codes.length && isCjk(codes[q]!)) q += 1;
      for (let k = p; k < q; k += 1) {
        let h = 0;
        for (let n = 1; n <= 3 && k + n <= q; n += 1) {
          h = n === 1 ? mix(K.z[1]!, codes[k]!) : mix(mix(K.z[n]!, h), codes[k + n - 1]!);
          add(h, start[k]!, end[k + n - 1]!);
        }
      }
      add(mix(K.zStart, codes[p]!), start[p]!, end[p]!);
      add(mix(K.zEnd, codes[q - 1]!), start[q - 1]!, end[q - 1]!);
      p = q;
    }
    for (const w of words) add(w.hash, start[w.from]!, end[w.to - 1]!);
    return;
  }
  for (let k = 0; k < words.length; k += 1) {
    const w = words[k]!;
    const s = start[w.from]!;
    const e = end[w.to - 1]!;
    add(w.hash, s, e);
    if (w.negated) add(mix(K.negated, w.hash), s, e);
    const next = words[k + 1];
    if (next) add(mix(mix(K.pair, w.hash), next.hash), s, end[next.to - 1]!);
    // Character n-grams of "<word>", for words of three letters or more.
    const len = w.to - w.from + 2;
    if (len <= 4) continue;
    const at = (x: number) => (x === 0 ? PAD_START : x === len - 1 ? PAD_END : codes[w.from + x - 1]!);
    for (let n = 3; n <= 5; n += 1)
      for (let x = 0; x + n <= len; x += 1) {
        let h = K.chars[n]!;
        for (let y = x; y < x + n; y += 1) h = mix(h, at(y));
        add(h, s, e);
      }
  }
  const first = words[0];
  if (first) add(mix(K.first, first.hash), start[first.from]!, end[first.to - 1]!);
}
