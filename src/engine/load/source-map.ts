import { MAX_DEPTH } from '../format/limits';
import { textNestingDepth } from './guard';
import { JsonIndex } from './json-index';
import { offsetsOfMany } from './locate-many';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Maps JSON pointers of a parsed document back to line and column in its source text. */
export interface SourceMap {
  locate(path: ReadonlyArray<string | number>, preferKey?: boolean): { line: number; column: number } | null;
  /** `locate` for many paths at once (values, not keys): for lint's warnings, a single reading of the text. */
  locateMany(
    paths: ReadonlyArray<ReadonlyArray<string | number>>,
  ): Array<{ line: number; column: number } | null>;
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
  const map: SourceMap = {
    position,
    locateMany(paths) {
      if (!parsed) return paths.map((path) => map.locate(path));
      const offsets = offsetsOfMany(text, paths);
      return paths.map((path, i) => (path.length === 0 ? { line: 1, column: 1 } : position(offsets[i]!)));
    },
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
  return map;
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
