import type { Family } from './types';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const segmenters = new Map<string, Intl.Segmenter | null>();

function sentenceSegmenter(family: Family): Intl.Segmenter | null {
  const key = family === 'zh' ? 'zh-CN' : 'en';
  if (!segmenters.has(key)) {
    // Some embedded runtimes ship without Intl.Segmenter; fall back to punctuation splitting there.
    let seg: Intl.Segmenter | null = null;
    try {
      seg =
        typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(key, { granularity: 'sentence' }) : null;
    } catch {
      seg = null;
    }
    segmenters.set(key, seg);
  }
  return segmenters.get(key) ?? null;
}

function splitOn(span: Span, boundary: RegExp): Span[] {
  const out: Span[] = [];
  let from = 0;
  boundary.lastIndex = 0;
  for (let m = boundary.exec(span.text); m; m = boundary.exec(span.text)) {
    const cut = m.index + m[0].length;
    if (cut > from)
      out.push({ start: span.start + from, end: span.start + cut, text: span.text.slice(from, cut) });
    from = cut;
    if (m[0].length === 0) boundary.lastIndex += 1;
  }
  if (from < span.text.length)
    out.push({ start: span.start + from, end: span.end, text: span.text.slice(from) });
  return out;
}

// Full-width and ASCII terminators: trainees type either, and the ICU segmenter misses ASCII ones in zh.
// A run of line breaks of any kind (\r\n too) is one boundary, never one per break.
const ZH_SENTENCE_END = /[。！？!?…]+|[\n\r\u0085\u2028\u2029]+/g;
const ZH_CLAUSE_END = /[，,；;！!？?。：:、…]+|[\n\r\u0085\u2028\u2029]+/g;
const EN_SENTENCE_END = /[.!?]+(?=\s|$)|[\n\r\u0085\u2028\u2029]+/g;
const EN_CLAUSE_END = /[,;:!?]+|\s[-–—]\s|\.(?=\s|$)|[\n\r\u0085\u2028\u2029]+/g;

// Line and paragraph separators: the segmenter makes every one of them a sentence of its own, so a
// run of them (a pasted wall of blank lines) would cost one sentence, and one pass of every cue, each.
const HARD_BREAK = /[\n\r\u0085\u2028\u2029]+/g;
const TRAILING_BREAKS = /[\n\r\u0085\u2028\u2029]+$/;

export function sentences(text: string, family: Family): Span[] {
  const whole: Span = { start: 0, end: text.length, text };
  const seg = sentenceSegmenter(family);
  const base: Span[] = [];
  // A run of line breaks stays with the line it ends; the segmenter then sees one line at a time.
  for (const line of splitOn(whole, HARD_BREAK)) {
    const body = line.text.replace(TRAILING_BREAKS, '');
    const parts: Span[] = [];
    if (body.length === 0) parts.push(line);
    else if (seg) {
      for (const s of seg.segment(body))
        parts.push({
          start: line.start + s.index,
          end: line.start + s.index + s.segment.length,
          text: s.segment,
        });
    } else {
      parts.push(
        ...splitOn(
          { ...line, end: line.start + body.length, text: body },
          family === 'zh' ? ZH_SENTENCE_END : EN_SENTENCE_END,
        ),
      );
    }
    const last = parts[parts.length - 1];
    if (last && last.end < line.end)
      parts[parts.length - 1] = { start: last.start, end: line.end, text: text.slice(last.start, line.end) };
    base.push(...parts);
  }
  if (family !== 'zh') return base;
  return base.flatMap((s) => splitOn(s, ZH_SENTENCE_END));
}

export function clauses(sentence: Span, family: Family): Span[] {
  return splitOn(sentence, family === 'zh' ? ZH_CLAUSE_END : EN_CLAUSE_END);
}

/** The clause among `list` (sorted, non-overlapping) that contains absolute offset `at`. */
export function clauseAt(list: Span[], at: number, fallback: Span): Span {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = list[mid] as Span;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return c;
  }
  return fallback;
}
