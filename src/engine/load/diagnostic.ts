export type Severity = 'error' | 'warning' | 'info';

/** Stable codes: tools and tests match on these, messages may change. */
export type DiagnosticCode =
  | 'E_TOO_LARGE'
  | 'E_TOO_DEEP'
  | 'E_JSON_SYNTAX'
  | 'E_NOT_OBJECT'
  | 'E_FORBIDDEN_KEY'
  | 'E_SCHEMA_VERSION'
  | 'E_SCHEMA_VERSION_NEWER'
  | 'E_SCHEMA_VERSION_OLD'
  | 'E_UNKNOWN_FIELD'
  | 'E_MISSING_FIELD'
  | 'E_TYPE'
  | 'E_INVALID_VALUE'
  | 'E_RANGE'
  | 'E_FORMAT'
  | 'E_SHAPE'
  | 'E_UNKNOWN_NODE'
  | 'E_NODE_KIND'
  | 'E_DUPLICATE_ID'
  | 'E_UNKNOWN_RULE'
  | 'E_NO_EXIT'
  | 'E_AUTO_LOOP'
  | 'E_UNSAFE_CUE'
  | 'W_UNREACHABLE_NODE'
  | 'W_UNREACHABLE_ENDING'
  | 'W_MISSING_TRANSLATION'
  | 'W_UNDECLARED_LOCALE'
  | 'W_FLAG_NEVER_SET'
  | 'W_PROMISE_NEVER_KEPT'
  | 'W_PROMISE_UNKNOWN'
  | 'W_NO_PASSING_PATH'
  | 'W_ALL_PATHS_PASS'
  | 'W_RUBRIC_MISMATCH'
  | 'W_GUESSABLE'
  | 'W_ASCII_PUNCTUATION'
  | 'W_BIDI_CONTROL'
  | 'W_INVISIBLE_TEXT'
  | 'W_VARIANT_NEVER'
  | 'W_NO_FALLBACK_VARIANT'
  | 'W_SAY_ASSUMES'
  | 'W_FEW_DECISIONS'
  | 'W_PRINCIPLE_UNUSED'
  | 'W_NO_FEEDBACK'
  | 'I_MIGRATED'
  | 'I_BOUNDS_APPROXIMATE'
  | 'I_TAG_CONTRADICTION';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** JSON pointer into the document ('' is the root). */
  path: string;
  /** 1-based; null when the input was an object rather than text. */
  line: number | null;
  column: number | null;
  hint?: string;
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  let pointer = '';
  for (let i = 0; i < path.length; i += 1) {
    const segment = String(path[i]);
    // Escaped only where needed: lint writes a pointer for each of a large file's thousand warnings.
    pointer +=
      '/' +
      (segment.includes('~') || segment.includes('/')
        ? segment.replace(/~/g, '~0').replace(/\//g, '~1')
        : segment);
  }
  return pointer;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.some((d) => d.severity === 'error');

export function diag(
  code: DiagnosticCode,
  message: string,
  path: string,
  where: { line: number; column: number } | null,
  hint?: string,
): Diagnostic {
  const severity = code.startsWith('E_') ? 'error' : code.startsWith('W_') ? 'warning' : 'info';
  return {
    severity,
    code,
    message,
    path,
    line: where?.line ?? null,
    column: where?.column ?? null,
    ...(hint ? { hint } : {}),
  };
}
