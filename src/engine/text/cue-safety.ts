/**
 * A static check of a company's cue pattern for catastrophic backtracking, before it ever runs.
 *
 * JavaScript's regex engine backtracks: a pattern that can match the same text in many ways tries
 * every way before it gives up, so `(a+)+$` takes seconds on thirty a's and forever on a pasted
 * page. The analyzer runs company cues on every typed reply (up to 20,000 characters), so a cue the
 * check cannot show to be safe is refused by `npm run validate` (E_UNSAFE_CUE) and skipped by the
 * analyzer. The check is conservative: it refuses some patterns that would in fact run fast, and
 * its message says how to write them instead. What it refuses:
 *
 * - a repeat inside a repeat whose length can vary: `(a+)+`, `(.*)*`, `(?:\s?\w)+`;
 * - alternatives under a repeat that can start the same way: `(a|a)*`, `(a|ab)+`, `(\w|\d)+`;
 * - two unbounded repeats in a row that can trade characters: `.*.*`, `\d+\d*`, `.*a.*x`;
 * - an unbounded repeat at the start of the pattern with more to match after it, such as `.*退款`
 *   or `\d+元`: it rescans the rest of the reply from every position (quadratic on a long reply);
 *   bound it (`.{0,20}`) or guard it with a lookbehind (`(?<!\d)\d+元`);
 * - a lookbehind with an unbounded repeat inside, and a pattern with more than 20 repeats.
 *
 * Patterns are read as the analyzer compiles them: flags `gi`, no `u` (Annex B syntax).
 */

/** Above this many repetitions a repeat counts as unbounded: its cost grows with the reply. */
const LONG = 64;
const MAX_REPEATS = 20;

/** A set of UTF-16 code units as sorted, disjoint, inclusive ranges. */
type CharSet = ReadonlyArray<readonly [number, number]>;

const MAX_UNIT = 0xffff;

function normalise(ranges: Array<[number, number]>): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const union = (...sets: CharSet[]): CharSet =>
  normalise(sets.flatMap((s) => s.map(([a, b]): [number, number] => [a, b])));

function complement(set: CharSet): CharSet {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

function intersects(x: CharSet, y: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [a, b] = x[i]!;
    const [c, d] = y[j]!;
    if (b < c) i += 1;
    else if (d < a) j += 1;
    else return true;
  }
  return false;
}

/** x ⊆ y */
const within = (x: CharSet, y: CharSet): boolean => !intersects(x, complement(y));

const one = (code: number): CharSet => [[code, code]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = normalise([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);
const SPACE: CharSet = normalise([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const LINE_END: CharSet = normalise([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
const DOT = complement(LINE_END);
const ALL: CharSet = [[0, MAX_UNIT]];

/** The `i` flag: ASCII and Latin-1 letters match either case (enough for an overlap test). */
function caseFold(set: CharSet): CharSet {
  const extra: Array<[number, number]> = [];
  const fold = (lo: number, hi: number, delta: number) => {
    for (const [a, b] of set) {
      const from = Math.max(a, lo);
      const to = Math.min(b, hi);
      if (from <= to) extra.push([from + delta, to + delta]);
    }
  };
  fold(0x41, 0x5a, 0x20);
  fold(0x61, 0x7a, -0x20);
  fold(0xc0, 0xde, 0x20);
  fold(0xe0, 0xfe, -0x20);
  return extra.length ? union(set, extra) : set;
}

type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'group'; body: Node }
  | { t: 'look'; body: Node; behind: boolean; negative: boolean }
  | { t: 'rep'; body: Node; min: number; max: number; at: number; text: string }
  | { t: 'assert'; kind: '^' | '$' | 'b' | 'B' }
  | { t: 'backref' };

class Unreadable extends Error {}

/** A recursive-descent reader of the pattern (Annex B: a `{` that starts no quantifier is literal). */
function parse(source: string): Node {
  let pos = 0;
  const peek = () => source[pos];
  const fail = (): never => {
    throw new Unreadable(`position ${pos + 1}`);
  };

  const escapeSet = (c: string): CharSet | null => {
    switch (c) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      default:
        return null;
    }
  };

  /** The code unit of an escape that stands for one character, after the backslash. */
  const escapeUnit = (c: string): number => {
    const hex = (n: number) => {
      const digits = source.slice(pos, pos + n);
      if (digits.length === n && /^[0-9a-f]+$/i.test(digits)) {
        pos += n;
        return Number.parseInt(digits, 16);
      }
      return c.charCodeAt(0);
    };
    switch (c) {
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 't':
        return 0x09;
      case 'v':
        return 0x0b;
      case 'f':
        return 0x0c;
      case '0':
        return 0;
      case 'x':
        return hex(2);
      case 'u':
        return hex(4);
      case 'c': {
        const letter = source[pos];
        if (letter && /[a-z]/i.test(letter)) {
          pos += 1;
          return letter.charCodeAt(0) % 32;
        }
        return 0x5c;
      }
      default:
        return c.charCodeAt(0);
    }
  };

  const classAtom = (): CharSet | number => {
    const c = source[pos++] ?? fail();
    if (c !== '\\') return c.charCodeAt(0);
    const e = source[pos++] ?? fail();
    const set = escapeSet(e);
    if (set) return set;
    if (e === 'b') return 0x08;
    return escapeUnit(e);
  };

  const charClass = (): CharSet => {
    pos += 1; // [
    const negated = peek() === '^';
    if (negated) pos += 1;
    const parts: CharSet[] = [];
    while (peek() !== ']') {
      if (pos >= source.length) fail();
      const a = classAtom();
      if (peek() === '-' && source[pos + 1] !== ']' && source[pos + 1] !== undefined) {
        pos += 1;
        const b = classAtom();
        if (typeof a === 'number' && typeof b === 'number') parts.push([[a, b]]);
        else parts.push(typeof a === 'number' ? one(a) : a, one(0x2d), typeof b === 'number' ? one(b) : b);
      } else parts.push(typeof a === 'number' ? one(a) : a);
    }
    pos += 1; // ]
    const set = union(...parts);
    return negated ? complement(set) : set;
  };

  const atom = (): Node | null => {
    const c = peek();
    if (c === undefined || c === '|' || c === ')') return null;
    if (c === '(') {
      pos += 1;
      let look: { behind: boolean; negative: boolean } | null = null;
      if (source.startsWith('?:', pos)) pos += 2;
      else if (source.startsWith('?=', pos) || source.startsWith('?!', pos)) {
        look = { behind: false, negative: source[pos + 1] === '!' };
        pos += 2;
      } else if (source.startsWith('?<=', pos) || source.startsWith('?<!', pos)) {
        look = { behind: true, negative: source[pos + 2] === '!' };
        pos += 3;
      } else if (source.startsWith('?<', pos)) {
        const close = source.indexOf('>', pos);
        if (close < 0) fail();
        pos = close + 1;
      } else if (c === '(' && peek() === '?') fail();
      const body = alternation();
      if (peek() !== ')') fail();
      pos += 1;
      return look ? { t: 'look', body, ...look } : { t: 'group', body };
    }
    if (c === '[') return { t: 'set', set: charClass() };
    if (c === '.') {
      pos += 1;
      return { t: 'set', set: DOT };
    }
    if (c === '^' || c === '$') {
      pos += 1;
      return { t: 'assert', kind: c };
    }
    if (c === '\\') {
      pos += 1;
      const e = source[pos++] ?? fail();
      if (e === 'b' || e === 'B') return { t: 'assert', kind: e };
      if (/[1-9]/.test(e)) {
        while (/[0-9]/.test(peek() ?? '')) pos += 1;
        return { t: 'backref' };
      }
      if (e === 'k' && peek() === '<') {
        const close = source.indexOf('>', pos);
        if (close < 0) fail();
        pos = close + 1;
        return { t: 'backref' };
      }
      const set = escapeSet(e);
      return { t: 'set', set: set ?? one(escapeUnit(e)) };
    }
    if (c === '*' || c === '+' || c === '?') fail(); // nothing to repeat: the regex would not compile
    pos += 1;
    return { t: 'set', set: one(c.charCodeAt(0)) };
  };

  /** `{n}`, `{n,}`, `{n,m}` at pos, or null (then the `{` is a literal). */
  const braces = (): { min: number; max: number; end: number } | null => {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { min, max, end: pos + m[0].length };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    for (;;) {
      const start = pos;
      const node = atom();
      if (!node) break;
      let min = -1;
      let max = -1;
      const q = peek();
      if (q === '*' || q === '+' || q === '?') {
        pos += 1;
        [min, max] = q === '*' ? [0, Infinity] : q === '+' ? [1, Infinity] : [0, 1];
      } else if (q === '{') {
        const b = braces();
        if (b) {
          ({ min, max } = b);
          pos = b.end;
        }
      }
      if (min < 0) {
        items.push(node);
        continue;
      }
      if (peek() === '?') pos += 1; // lazy: backtracks the same way
      if (node.t === 'assert' || node.t === 'look') {
        items.push(node);
        continue;
      }
      items.push({ t: 'rep', body: node, min, max, at: start, text: source.slice(start, pos) });
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  };

  const alternation = (): Node => {
    const options = [sequence()];
    while (peek() === '|') {
      pos += 1;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  };

  const tree = alternation();
  if (pos !== source.length) fail();
  return tree;
}

// --- properties of a node -------------------------------------------------------------------

const EMPTY: CharSet = [];

function minLen(n: Node): number {
  switch (n.t) {
    case 'set':
      return 1;
    case 'seq':
      return n.items.reduce((s, i) => s + minLen(i), 0);
    case 'alt':
      return Math.min(...n.options.map(minLen));
    case 'group':
      return minLen(n.body);
    case 'rep':
      return n.min * minLen(n.body);
    default:
      return 0;
  }
}

function maxLen(n: Node): number {
  switch (n.t) {
    case 'set':
      return 1;
    case 'seq':
      return n.items.reduce((s, i) => s + maxLen(i), 0);
    case 'alt':
      return Math.max(...n.options.map(maxLen));
    case 'group':
      return maxLen(n.body);
    case 'rep': {
      const body = maxLen(n.body);
      return body === 0 ? 0 : n.max === Infinity ? Infinity : n.max * body;
    }
    case 'backref':
      return Infinity;
    default:
      return 0;
  }
}

/** Every character the node can consume. */
function chars(n: Node): CharSet {
  switch (n.t) {
    case 'set':
      return n.set;
    case 'seq':
      return union(...n.items.map(chars));
    case 'alt':
      return union(...n.options.map(chars));
    case 'group':
    case 'rep':
      return chars(n.body);
    case 'backref':
      return ALL;
    default:
      return EMPTY;
  }
}

/** The characters a match of the node can begin with. */
function first(n: Node): CharSet {
  switch (n.t) {
    case 'set':
      return n.set;
    case 'seq': {
      const parts: CharSet[] = [];
      for (const item of n.items) {
        parts.push(first(item));
        if (minLen(item) > 0) break;
      }
      return union(...parts);
    }
    case 'alt':
      return union(...n.options.map(first));
    case 'group':
    case 'rep':
      return first(n.body);
    case 'backref':
      return ALL;
    default:
      return EMPTY;
  }
}

/** The node as a fixed string (lower-cased, as `i` reads it), or null. */
function literal(n: Node): string | null {
  if (n.t === 'set') {
    const [range] = n.set;
    if (n.set.length !== 1 || !range || range[0] !== range[1]) return null;
    return String.fromCharCode(range[0]).toLowerCase();
  }
  if (n.t === 'group') return literal(n.body);
  if (n.t === 'seq') {
    let out = '';
    for (const item of n.items) {
      const part = literal(item);
      if (part === null) return null;
      out += part;
    }
    return out;
  }
  return null;
}

const isLong = (n: Node): n is Extract<Node, { t: 'rep' }> =>
  n.t === 'rep' && n.max > LONG && maxLen(n.body) > 0;
const isVariable = (n: Node): boolean => n.t === 'rep' && n.min !== n.max && maxLen(n.body) > 0;

function* walk(n: Node): Generator<Node> {
  yield n;
  if (n.t === 'seq') for (const i of n.items) yield* walk(i);
  else if (n.t === 'alt') for (const o of n.options) yield* walk(o);
  else if (n.t === 'group' || n.t === 'look' || n.t === 'rep') yield* walk(n.body);
}

export interface CueProblem {
  /** 0-based offset in the pattern of the part at fault. */
  offset: number;
  /** The part at fault, as written, e.g. "(a+)+". */
  part: string;
  /** Why it can stall, in plain words. */
  reason: string;
}

/** Two alternatives that can match the same start, so a repeat over them can split text two ways. */
function overlappingOptions(alt: Extract<Node, { t: 'alt' }>): boolean {
  const { options } = alt;
  for (let i = 0; i < options.length; i += 1) {
    const a = options[i]!;
    if (minLen(a) === 0) return true;
    for (let j = i + 1; j < options.length; j += 1) {
      const b = options[j]!;
      const la = literal(a);
      const lb = literal(b);
      // Fixed words where none is a prefix of another (a prefix code) can be read only one way.
      if (la !== null && lb !== null) {
        if (la.startsWith(lb) || lb.startsWith(la)) return true;
      } else if (intersects(first(a), first(b))) return true;
    }
  }
  return false;
}

/**
 * The repeats inside `rep` whose end is forced: the next thing to match (within the body, or the
 * body's start on the next round) begins with a character they cannot take.
 */
function delimited(rep: Extract<Node, { t: 'rep' }>): Set<Node> {
  const out = new Set<Node>();
  const loopStart = first(rep.body);
  const visit = (n: Node, after: CharSet | null) => {
    if (n.t === 'rep') {
      if (after && !intersects(after, chars(n))) out.add(n);
      visit(n.body, null);
    } else if (n.t === 'group') visit(n.body, after);
    else if (n.t === 'alt') for (const o of n.options) visit(o, after);
    else if (n.t === 'look') visit(n.body, null);
    else if (n.t === 'seq') {
      n.items.forEach((item, i) => {
        let next: CharSet | null = after;
        for (const later of n.items.slice(i + 1)) {
          if (later.t === 'assert' || later.t === 'look') continue;
          next = minLen(later) > 0 ? first(later) : null;
          break;
        }
        visit(item, next);
      });
    }
  };
  visit(rep.body, loopStart);
  return out;
}

/** Roughly how many ways `times` repeats of something with `ways` choices each can split a text. */
const explosive = (times: number, ways: number): boolean =>
  times > LONG || ways > LONG || times * Math.log10(Math.max(1, ways)) > 4;

function checkTree(tree: Node, source: string): CueProblem | null {
  const reps = [...walk(tree)].filter((n): n is Extract<Node, { t: 'rep' }> => n.t === 'rep' && n.max > 1);
  if (reps.length > MAX_REPEATS)
    return { offset: 0, part: source, reason: `it has ${reps.length} repeats (at most ${MAX_REPEATS})` };

  for (const rep of reps) {
    // A repeat inside a repeat: the text can be shared out between them in exponentially many ways,
    // unless a character the inner one cannot take always ends it (`(?:\w+ )+`).
    const ended = delimited(rep);
    for (const inner of walk(rep.body)) {
      if (inner === rep || inner.t !== 'rep' || !isVariable(inner) || ended.has(inner)) continue;
      if (explosive(rep.max, inner.max - inner.min + 1))
        return {
          offset: rep.at,
          part: rep.text,
          reason: `the repeat ${inner.text} sits inside the repeat ${rep.text}, so the text can be shared out between them in too many ways; write the repeat once`,
        };
    }
    for (const n of walk(rep.body))
      if (n.t === 'alt' && overlappingOptions(n) && explosive(rep.max, 2))
        return {
          offset: rep.at,
          part: rep.text,
          reason: `alternatives under the repeat ${rep.text} can match the same text; make them start differently`,
        };
  }

  const options = tree.t === 'alt' ? tree.options : [tree];
  const topLevel = new Set(options);
  for (const n of walk(tree)) {
    if (n.t === 'look' && n.behind && [...walk(n.body)].some(isLong))
      return {
        offset: 0,
        part: source,
        reason: 'a lookbehind repeats without a bound; give it one, such as {0,20}',
      };
    if (n.t === 'seq') {
      const problem = tradingRepeats(n.items, topLevel.has(n));
      if (problem) return problem;
    }
  }

  for (const option of options) {
    const problem = leadingRepeat(option.t === 'seq' ? option.items : [option], EMPTY, EMPTY, false);
    if (problem) return problem;
  }
  return null;
}

/**
 * Two unbounded repeats in a row that can match the same characters, with nothing between them
 * that the first could not also take: every split of a long run between them is tried (`.*.*x`).
 */
function tradingRepeats(items: readonly Node[], topLevel: boolean): CueProblem | null {
  for (let i = 0; i < items.length; i += 1) {
    const a = items[i]!;
    if (!isLong(a)) continue;
    const taken = chars(a);
    let between: CharSet = EMPTY;
    for (let j = i + 1; j < items.length; j += 1) {
      const b = items[j]!;
      if (b.t === 'assert' || b.t === 'look') continue;
      if (isLong(b)) {
        // A last repeat that can take anything left ends the match: nothing after it can fail.
        const last = topLevel && j === items.length - 1 && b.min === 0;
        if (!last && intersects(taken, chars(b)) && within(between, chars(b)))
          return {
            offset: a.at,
            part: `${a.text}…${b.text}`,
            reason: `the repeats ${a.text} and ${b.text} can match the same characters; bound one of them, such as {0,20}, or put a character between them that the first cannot match`,
          };
        break;
      }
      if (!within(chars(b), taken) || maxLen(b) === Infinity) break;
      between = union(between, chars(b));
    }
  }
  return null;
}

/**
 * An unbounded repeat the match can begin inside, with more pattern after it: from every position
 * of a long run it rescans the run to its end, so the whole scan is quadratic.
 */
function leadingRepeat(
  items: readonly Node[],
  guardIn: CharSet,
  prefixIn: CharSet,
  moreAfter: boolean,
): CueProblem | null {
  let guard = guardIn;
  let prefix = prefixIn;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const rest = moreAfter || items.slice(i + 1).some((n) => n.t !== 'look' || !n.negative);
    if (item.t === 'assert') {
      if (item.kind === '^') return null; // only the start of the sentence
      if (item.kind === 'b') guard = union(guard, WORD);
      continue;
    }
    if (item.t === 'look') {
      if (item.behind && item.negative) guard = union(guard, chars(item.body));
      continue;
    }
    const target = item.t === 'group' ? item.body : item;
    if (target.t === 'alt') {
      for (const option of target.options) {
        const problem = leadingRepeat(option.t === 'seq' ? option.items : [option], guard, prefix, rest);
        if (problem) return problem;
      }
      if (maxLen(target) !== 1) return null;
    } else if (target.t === 'seq' && item.t === 'group') {
      const problem = leadingRepeat(target.items, guard, prefix, rest);
      if (problem || maxLen(target) !== 1) return problem;
    } else if (isLong(target)) {
      const run = chars(target);
      if (!rest || within(run, guard) || !within(prefix, run)) return null;
      return {
        offset: target.at,
        part: target.text,
        reason: `a match can start anywhere inside ${target.text}, so a long reply is rescanned from every position; bound it, such as {0,20}, or start with a lookbehind such as (?<!x)`,
      };
    } else if (maxLen(item) !== 1) return null; // a word or a group first: few places to start
    prefix = union(prefix, chars(item));
  }
  return null;
}

/**
 * Null when the pattern is safe to run on any reply; otherwise where and why it can stall. A
 * pattern that is not valid regex is safe: the analyzer matches it as literal text.
 */
export function cueProblem(source: string): CueProblem | null {
  try {
    new RegExp(source, 'gi');
  } catch {
    return null;
  }
  let tree: Node;
  try {
    tree = parse(source);
  } catch (error) {
    const where = error instanceof Unreadable ? ` (${error.message})` : '';
    return { offset: 0, part: source, reason: `the safety check cannot read this pattern${where}` };
  }
  return checkTree(foldTree(tree), source);
}

function foldTree(n: Node): Node {
  switch (n.t) {
    case 'set':
      return { t: 'set', set: caseFold(n.set) };
    case 'seq':
      return { t: 'seq', items: n.items.map(foldTree) };
    case 'alt':
      return { t: 'alt', options: n.options.map(foldTree) };
    case 'group':
      return { t: 'group', body: foldTree(n.body) };
    case 'look':
    case 'rep':
      return { ...n, body: foldTree(n.body) };
    default:
      return n;
  }
}
