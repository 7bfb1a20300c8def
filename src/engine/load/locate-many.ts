import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  firstMember,
  keyAt,
  nextMember,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  skipSpace,
} from './json-scan';

type Path = ReadonlyArray<string | number>;

/** One step of the paths asked for: where its value sits once found (-1 until then), and the steps below. */
interface Step {
  value: number;
  below: Map<string | number, Step> | null;
}

/**
 * Where each path's value starts in valid JSON text, or its deepest ancestor's when the path goes
 * where the text has nothing. One reading for all of them: the paths are merged into a tree, and each
 * container on the way is read once, only until every member asked of it is found; the other members
 * are skipped without their keys being copied or stored. Keys match as findNodeAtLocation's do (the
 * first of duplicates, escapes decoded). This is what makes locating the thousand warnings of a
 * large file cost about one pass over its text.
 */
export function offsetsOfMany(text: string, paths: readonly Path[]): number[] {
  const root: Step = { value: skipSpace(text, 0), below: null };
  for (const path of paths) {
    let step = root;
    for (const segment of path) {
      step.below ??= new Map();
      let next = step.below.get(segment);
      if (!next) step.below.set(segment, (next = { value: -1, below: null }));
      step = next;
    }
  }
  find(text, root);
  return paths.map((path) => {
    let step = root;
    let at = root.value;
    for (const segment of path) {
      step = step.below!.get(segment)!;
      if (step.value < 0) break;
      at = step.value;
    }
    return at;
  });
}

function find(text: string, step: Step) {
  const below = step.below;
  if (!below) return;
  const first = firstMember(text, step.value);
  if (first < 0) return;
  if (text.charCodeAt(step.value) === OPEN_BRACE) findKeys(text, first, below);
  else findItems(text, first, below);
}

/** Reads an object's members until every key asked for is found, then looks inside those. */
function findKeys(text: string, first: number, below: Map<string | number, Step>) {
  const wanted: Array<{ name: string; step: Step }> = [];
  for (const [segment, step] of below) if (typeof segment === 'string') wanted.push({ name: segment, step });
  // Many keys asked of one object (a node for each warning): found by a hash of their characters.
  readKeys(text, first, wanted, wanted.length > FEW ? hashed(wanted) : null);
  for (const { step } of wanted) if (step.value >= 0) find(text, step);
}

/**
 * The member loop, kept apart from the recursion: it reads most of a large file's text. One pass
 * over the characters that tracks nesting, so member values are skipped in the same loop (a call to
 * skip each of 10,000 values costs twice as much).
 */
function readKeys(text: string, first: number, wanted: Wanted, byHash: Map<number, Wanted> | null) {
  const end = text.length;
  let left = wanted.length;
  let depth = 0;
  let atKey = true;
  for (let j = first; j < end; j += 1) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      const start = j;
      if (depth > 0 || !atKey) {
        for (j += 1; j < end; j += 1) {
          const d = text.charCodeAt(j);
          if (d === QUOTE) break;
          if (d === BACKSLASH) j += 1;
        }
        continue;
      }
      // A member's key: its end, its hash, and whether it has escapes (then it is decoded to compare).
      let hash = 0;
      let escaped = false;
      for (j += 1; j < end; j += 1) {
        const d = text.charCodeAt(j);
        if (d === QUOTE) break;
        if (d === BACKSLASH) {
          escaped = true;
          j += 1;
        }
        hash = (Math.imul(hash, 31) + d) | 0;
      }
      atKey = false;
      const step = escaped
        ? wantedStep(wanted, keyAt(text, start, j + 1))
        : rawMatch(text, start, j + 1, byHash ? byHash.get(hash) : wanted);
      // Only the first of duplicate keys counts.
      if (step && step.value < 0) {
        step.value = skipSpace(text, skipSpace(text, j + 1) + 1);
        if (--left === 0) return;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return;
      depth -= 1;
    } else if (c === COMMA && depth === 0) atKey = true;
  }
}

type Wanted = ReadonlyArray<{ name: string; step: Step }>;

const FEW = 8;

/** The names asked for by the hash of their characters, as findKeys hashes a key's. */
function hashed(wanted: Wanted): Map<number, Wanted> {
  const out = new Map<number, Array<{ name: string; step: Step }>>();
  for (const w of wanted) {
    let hash = 0;
    for (let k = 0; k < w.name.length; k += 1) hash = (Math.imul(hash, 31) + w.name.charCodeAt(k)) | 0;
    const same = out.get(hash);
    if (same) same.push(w);
    else out.set(hash, [w]);
  }
  return out;
}

/** The step asked for under a key written without escapes, compared in place. */
function rawMatch(text: string, start: number, end: number, wanted: Wanted | undefined) {
  if (!wanted) return null;
  const length = end - start - 2;
  for (const w of wanted) if (w.name.length === length && sameAt(text, start + 1, w.name)) return w.step;
  return null;
}

/** Whether `name` is written at `at` (startsWith, without its cost on a long text). */
function sameAt(text: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k += 1) if (text.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

const wantedStep = (wanted: Wanted, key: string) => wanted.find((w) => w.name === key)?.step ?? null;

/** Reads an array's items up to the last index asked for. */
function findItems(text: string, first: number, below: Map<string | number, Step>) {
  let last = -1;
  for (const segment of below.keys()) if (typeof segment === 'number' && segment > last) last = segment;
  for (let k = 0, i = first; i >= 0 && k <= last; k += 1) {
    const step = below.get(k);
    if (step) {
      step.value = i;
      find(text, step);
    }
    i = nextMember(text, i);
  }
}
