import { fnv1a } from '../../seeded-random';

/**
 * Features the learned classifier reads: character n-grams for Chinese (no spaces to split words),
 * words, word pairs and in-word character n-grams for English (so typos still share most features).
 * Each feature keeps the span of the reply it came from, so a verdict can point at its words.
 * Linear in the length of the text.
 */
export const HASH_BITS = 16;
const MASK = (1 << HASH_BITS) - 1;

export interface Feature {
  hash: number;
  start: number;
  end: number;
}

export type ModelFamily = 'zh' | 'en';

const bucket = (key: string) => fnv1a(key) & MASK;

// Full-width forms fold to ASCII so "ＯＫ", "，" and "," read alike; case is folded too.
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code === 0x3000) return ' ';
  return ch.toLowerCase();
}

const isCjk = (ch: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);
const isWordChar = (ch: string) => /[a-z0-9']/.test(ch);

/** A cue family's finding, fed to the model as a feature so it learns when the cue can be trusted. */
export interface CueFeature {
  rule: string;
  verdict: string;
  start: number;
  end: number;
}

export function extractFeatures(
  text: string,
  family: ModelFamily,
  opening: boolean,
  cues: readonly CueFeature[] = [],
): Feature[] {
  const out: Feature[] = [];
  const add = (key: string, start: number, end: number) => out.push({ hash: bucket(key), start, end });
  add('\u0001bias', 0, 0);
  if (opening) add('\u0001opening', 0, 0);
  for (const c of cues) add(`cue:${c.rule}:${c.verdict}`, c.start, c.end);
  const chars = Array.from(text, fold);
  // Offsets in UTF-16 units of the original text, one per code point, for quoting spans.
  const offsets: number[] = [];
  let at = 0;
  for (const ch of text) {
    offsets.push(at);
    at += ch.length;
  }
  offsets.push(at);
  const words: Array<{ w: string; start: number; end: number }> = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isWordChar(ch)) {
      let j = i;
      while (j < chars.length && isWordChar(chars[j]!)) j += 1;
      words.push({ w: chars.slice(i, j).join(''), start: offsets[i]!, end: offsets[j]! });
      i = j;
    } else i += 1;
  }
  if (family === 'zh') {
    // Runs of CJK characters (and the odd Latin word) split at punctuation and spaces.
    let run: number[] = [];
    const flush = () => {
      for (let n = 1; n <= 3; n += 1)
        for (let k = 0; k + n <= run.length; k += 1) {
          const key = run
            .slice(k, k + n)
            .map((p) => chars[p])
            .join('');
          add(`z${n}:${key}`, offsets[run[k]!]!, offsets[run[k + n - 1]! + 1]!);
        }
      if (run.length > 0) {
        add(`zb:^${chars[run[0]!]}`, offsets[run[0]!]!, offsets[run[0]! + 1]!);
        add(
          `zb:${chars[run[run.length - 1]!]}$`,
          offsets[run[run.length - 1]!]!,
          offsets[run[run.length - 1]! + 1]!,
        );
      }
      run = [];
    };
    for (let p = 0; p < chars.length; p += 1) {
      if (isCjk(chars[p]!)) run.push(p);
      else flush();
    }
    flush();
    for (const w of words) add(`w:${w.w}`, w.start, w.end);
    if (/[?？]/.test(text)) add('\u0001question', 0, 0);
    return out;
  }
  for (let k = 0; k < words.length; k += 1) {
    const w = words[k]!;
    add(`w:${w.w}`, w.start, w.end);
    if (k + 1 < words.length) add(`b:${w.w} ${words[k + 1]!.w}`, w.start, words[k + 1]!.end);
    const padded = `<${w.w}>`;
    if (padded.length > 4)
      for (let n = 3; n <= 5; n += 1)
        for (let s = 0; s + n <= padded.length; s += 1)
          add(`c${n}:${padded.slice(s, s + n)}`, w.start, w.end);
  }
  if (words.length > 0) add(`first:${words[0]!.w}`, words[0]!.start, words[0]!.end);
  if (/\?/.test(text)) add('\u0001question', 0, 0);
  return out;
}
