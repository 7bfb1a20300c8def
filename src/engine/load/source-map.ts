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
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Built lazily: most documents are valid and never need a location, and the tree costs ~10× JSON.parse. */
export function createSourceMap(text: string, getTree: () => Node | undefined): SourceMap {
  let starts: number[] | null = null;
  let tree: Node | undefined | null = null;
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
  return {
    position,
    locate(path, preferKey = false) {
      // The document itself starts at the top: no need to parse for that.
      if (path.length === 0) return { line: 1, column: 1 };
      if (tree === null) tree = getTree();
      if (!tree) return null;
      // Walk up until some ancestor exists: a missing field is reported at its parent object.
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const node = findNodeAtLocation(tree, path.slice(0, depth) as (string | number)[]);
        if (!node) continue;
        const keyNode =
          depth === path.length && preferKey && node.parent?.type === 'property'
            ? node.parent.children?.[0]
            : undefined;
        return position((keyNode ?? node).offset);
      }
      return null;
    },
  };
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
  const sourceMap = createSourceMap(text, syntaxTree);
  try {
    return { value: JSON.parse(text) as unknown, sourceMap, errors: [] };
  } catch (error) {
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
