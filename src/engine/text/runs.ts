/**
 * Long runs of one character (a held-down key, a pasted wall of "。") say nothing more than a short
 * run does, but every cue pattern would walk them, some from many starting points. The cues read
 * the text with each run cut to RUN_CAP characters, and their findings are mapped back to the
 * reply's own offsets, so quotes stay exact substrings of what the trainee typed.
 */
export const RUN_CAP = 8;

export interface Collapsed {
  text: string;
  /** Offset in the original text of each offset in `text` (one more entry, for the end); null when
   * nothing was cut and the offsets are the same. */
  offsets: number[] | null;
}

function hasLongRun(text: string): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i += 1) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > RUN_CAP) return true;
  }
  return false;
}

export function collapseRuns(text: string): Collapsed {
  if (!hasLongRun(text)) return { text, offsets: null };
  const parts: string[] = [];
  const offsets: number[] = [];
  let run = 0;
  let previous = -1;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    run = cp === previous ? run + 1 : 1;
    previous = cp;
    if (run <= RUN_CAP) {
      parts.push(text.slice(i, i + width));
      for (let k = 0; k < width; k += 1) offsets.push(i + k);
    }
    i += width;
  }
  offsets.push(text.length);
  return { text: parts.join(''), offsets };
}

/** Where an offset of the collapsed text falls in the original (an end past a cut run covers it). */
export function originalOffset(c: Collapsed, at: number): number {
  return c.offsets ? c.offsets[at]! : at;
}
