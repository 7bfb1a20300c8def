import { MAX_DEPTH } from '../format/limits';
import { textNestingDepth } from './guard';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Maps JSON pointers of a parsed document back to line and column in its source text. */
export interface SourceMap {
  locate(path: ReadonlyArray<string | number>, preferKey?: boolean): { line: number; column: number } | null;
  position(offset: number): { line: number; column: number };
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Built lazily: most documents are valid and never need a location. For text JSON.parse accepted,
 * locations come from a scan that indexes only the containers a path passes through (a few passes
 * over the text however many paths are asked for); jsonc-parser's syntax tree (~10× JSON.parse) is
 * only built for text that did not parse.
 */
export function createSourceMap(text: string, getTree: () => Node | undefined, parsed = false): SourceMap {
  let starts: number[] | null = null;
  let tree: Node | undefined | null = null;
  const index = parsed ? new JsonIndex(text) : null;
  const position = (offset: number) => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const find = (path: ReadonlyArray<string | number>, preferKey: boolean): number | null => {
    if (index) return index.offsetOf(path, preferKey);
    if (tree === null) tree = getTree();
    if (!tree) return null;
    const node = findNodeAtLocation(tree, path as (string | number)[]);
    if (!node) return null;
    const keyNode = preferKey && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return (keyNode ?? node).offset;
  };
  return {
    position,
    locate(path, preferKey = false) {
      // The document itself starts at the top: no need to parse for that.
      if (path.length === 0) return { line: 1, column: 1 };
      // Walk up until some ancestor exists: a missing field is reported at its parent object.
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const offset = find(
          depth === path.length ? path : path.slice(0, depth),
          depth === path.length && preferKey,
        );
        if (offset !== null) return position(offset);
      }
      return null;
    },
  };
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

/** A container's members found so far, and where to go on reading it. */
interface Container {
  object: boolean;
  /**
   * Object members: the offset of each key's opening quote (the first of duplicates). Most objects
   * are asked for one key or two: a short list until it grows, then a map.
   */
  names: string[] | null;
  starts: number[] | null;
  keys: Map<string, number> | null;
  /** Array items: the offset of each value. */
  items: number[] | null;
  /** Offset of the next member's first character, or -1 once the container is read to its end. */
  next: number;
}

/**
 * Offsets in valid JSON text, found as findNodeAtLocation would on the syntax tree (string segments
 * name object keys, the first of duplicates; numbers index arrays). A container a path passes
 * through is read only as far as the member asked for, skipping over the values before it, and
 * where it stopped is kept for the next path: however many paths are asked for, each container is
 * read once.
 */
class JsonIndex {
  private readonly containers = new Map<number, Container>();

  constructor(private readonly text: string) {}

  offsetOf(path: ReadonlyArray<string | number>, preferKey: boolean): number | null {
    const text = this.text;
    let at = skipSpace(text, 0);
    let key = -1;
    for (const segment of path) {
      const container = this.containerAt(at);
      if (!container || container.object !== (typeof segment === 'string')) return null;
      if (typeof segment === 'string') {
        key = this.key(container, segment);
        if (key < 0) return null;
        at = valueAfterKey(text, key);
      } else {
        at = this.item(container, segment);
        if (at < 0) return null;
        key = -1;
      }
    }
    return preferKey && key >= 0 ? key : at;
  }

  private containerAt(at: number): Container | null {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) return null;
    let found = this.containers.get(at);
    if (!found) {
      const first = skipSpace(text, at + 1);
      const empty = text.charCodeAt(first) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
      found = {
        object: c === OPEN_BRACE,
        names: null,
        starts: null,
        keys: null,
        items: null,
        next: empty ? -1 : first,
      };
      this.containers.set(at, found);
    }
    return found;
  }

  /** The offset of the key `name` in an object, reading on from where it stopped; -1 if absent. */
  private key(container: Container, name: string): number {
    const known = seen(container, name);
    if (known >= 0 || container.next < 0) return known;
    const text = this.text;
    for (let i = container.next; i >= 0;) {
      const keyEnd = skipString(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const key = raw.indexOf('\\') < 0 ? raw : (JSON.parse(text.slice(i, keyEnd)) as string);
      const colon = skipSpace(text, keyEnd);
      if (text.charCodeAt(colon) !== COLON) break;
      const first = seen(container, key) < 0;
      if (first) remember(container, key, i);
      const end = skipSpace(text, skipValue(text, skipSpace(text, colon + 1)));
      const next = text.charCodeAt(end) === COMMA ? skipSpace(text, end + 1) : -1;
      container.next = next;
      if (first && key === name) return i;
      i = next;
    }
    container.next = -1;
    return -1;
  }

  /** The offset of the index-th item of an array, reading on from where it stopped; -1 if absent. */
  private item(container: Container, index: number): number {
    const items = (container.items ??= []);
    const text = this.text;
    for (let i = container.next; items.length <= index && i >= 0;) {
      items.push(i);
      const end = skipSpace(text, skipValue(text, i));
      i = text.charCodeAt(end) === COMMA ? skipSpace(text, end + 1) : -1;
      container.next = i;
    }
    return index < items.length ? items[index]! : -1;
  }
}

const SHORT = 16;

/** Where an object's key `name` starts, if it has been read already; else -1. */
function seen(container: Container, name: string): number {
  if (container.keys) return container.keys.get(name) ?? -1;
  const i = container.names?.indexOf(name) ?? -1;
  return i < 0 ? -1 : container.starts![i]!;
}

function remember(container: Container, name: string, start: number) {
  if (container.keys) {
    container.keys.set(name, start);
    return;
  }
  const names = (container.names ??= []);
  const starts = (container.starts ??= []);
  names.push(name);
  starts.push(start);
  if (names.length > SHORT) {
    container.keys = new Map(names.map((n, i) => [n, starts[i]!]));
    container.names = container.starts = null;
  }
}

/** The offset of the value of the member whose key's opening quote is at `key`. */
function valueAfterKey(text: string, key: number): number {
  return skipSpace(text, skipSpace(text, skipString(text, key)) + 1);
}

// The scanner's loops: plain functions over char codes, with indexOf to find where a string ends.

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i += 1;
  }
}

/** Just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (let close = text.indexOf('"', i + 1); close >= 0; close = text.indexOf('"', close + 1)) {
    // A quote after an odd number of backslashes is escaped.
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return close + 1;
  }
  return text.length;
}

/** What each ASCII character means to skipValue: 0 nothing, 1 a string starts, 2 opens, 3 closes. */
const ROLE = new Uint8Array(128);
ROLE[QUOTE] = 1;
ROLE[OPEN_BRACE] = ROLE[OPEN_BRACKET] = 2;
ROLE[CLOSE_BRACE] = ROLE[CLOSE_BRACKET] = 3;

/** Just past the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const end = text.length;
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 32) return j;
      j += 1;
    }
    return end;
  }
  let depth = 0;
  for (let j = i; j < end; j += 1) {
    const d = text.charCodeAt(j);
    const role = d < 128 ? ROLE[d]! : 0;
    if (role === 0) continue;
    if (role === 1) j = skipString(text, j) - 1;
    else if (role === 2) depth += 1;
    else if (--depth === 0) return j + 1;
  }
  return end;
}

export interface ParsedText {
  value: unknown;
  sourceMap: SourceMap;
  errors: Array<{ message: string; offset: number }>;
}

/**
 * JSON.parse gives the value (it defines `__proto__` as an own key rather than setting a prototype);
 * jsonc-parser gives the syntax tree used only for locations and friendly syntax errors.
 */
export function parseJsonText(text: string): ParsedText {
  const syntaxTree = () => {
    try {
      return parseTree(text, [], {
        disallowComments: true,
        allowTrailingComma: false,
        allowEmptyContent: false,
      });
    } catch {
      return undefined;
    }
  };
  try {
    const value = JSON.parse(text) as unknown;
    return { value, sourceMap: createSourceMap(text, syntaxTree, true), errors: [] };
  } catch (error) {
    const sourceMap = createSourceMap(text, syntaxTree);
    // Only now pay for jsonc-parser: its errors say what was expected and where. It recurses, so
    // hopelessly nested text is left to the caller's depth check.
    if (textNestingDepth(text) > MAX_DEPTH)
      return { value: undefined, sourceMap, errors: [{ message: 'nested too deep', offset: 0 }] };
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length === 0)
      return {
        value: undefined,
        sourceMap,
        errors: [{ message: String((error as Error).message), offset: 0 }],
      };
    return {
      value: undefined,
      sourceMap,
      errors: errors.map((e) => ({ message: describe(printParseErrorCode(e.error)), offset: e.offset })),
    };
  }
}

function describe(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: "':' was expected",
    CommaExpected: "',' was expected (or a missing closing bracket)",
    CloseBraceExpected: "'}' was expected",
    CloseBracketExpected: "']' was expected",
    EndOfFileExpected: 'extra text after the end of the document',
    InvalidCommentToken: 'comments are not allowed in scenario files',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}
