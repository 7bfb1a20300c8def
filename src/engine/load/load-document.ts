import type { z } from 'zod';
import { diag, type Diagnostic } from './diagnostic';
import { prepareDocument, type PrepareSpec } from './prepare-document';
import { parseJsonText } from './source-map';
import { mapZodIssues } from './zod-issues';
import type { SourceMap } from './source-map';

export type { Migration } from './prepare-document';

export interface DocumentSpec<T> extends PrepareSpec {
  schema: z.ZodType<T>;
  knownFields: ReadonlySet<string>;
  /** Optional fast acceptor that agrees with `schema` on valid input; zod runs whenever it declines. */
  quick?: (doc: unknown) => T | null;
}

export type Loaded<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[]; sourceMap: SourceMap | null }
  | { ok: false; diagnostics: Diagnostic[]; sourceMap: SourceMap | null };

/** Text or an already-parsed value → a validated document or located diagnostics. Never throws. */
export function loadDocument<T>(input: unknown, spec: DocumentSpec<T>): Loaded<T> {
  try {
    return loadUnsafe(input, spec);
  } catch (error) {
    // Defence in depth: any engine bug on hostile input becomes a diagnostic, not a crash.
    return {
      ok: false,
      sourceMap: null,
      diagnostics: [diag('E_SHAPE', `could not read this ${spec.kind}: ${String(error)}`, '', null)],
    };
  }
}

function loadUnsafe<T>(input: unknown, spec: DocumentSpec<T>): Loaded<T> {
  const prepared = prepareDocument(
    input,
    { ...spec, ...(spec.quick ? { vouch: spec.quick } : {}) },
    parseJsonText,
  );
  if (!prepared.ok) return prepared;
  const { doc, sourceMap } = prepared;
  const at = (path: Array<string | number>, preferKey = false) => sourceMap?.locate(path, preferKey) ?? null;
  const fast = (prepared.vouched as T | undefined) ?? spec.quick?.(doc);
  if (fast) return { ok: true, value: fast, diagnostics: prepared.diagnostics, sourceMap };
  const result = spec.schema.safeParse(doc);
  if (!result.success) {
    return fail(
      sourceMap,
      ...mapZodIssues(result.error.issues, doc, spec.knownFields, at),
      ...prepared.diagnostics,
    );
  }
  return { ok: true, value: result.data, diagnostics: prepared.diagnostics, sourceMap };
}

const fail = (sourceMap: SourceMap | null, ...diagnostics: Diagnostic[]) => ({
  ok: false as const,
  diagnostics,
  sourceMap,
});
