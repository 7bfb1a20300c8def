import { MAX_DEPTH, MAX_DOCUMENT_CHARS } from '../format/limits';
import { diag, toPointer, type Diagnostic } from './diagnostic';
import { guardValue, textNestingDepth } from './guard';
import type { ParsedText, SourceMap } from './source-map';

export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export interface PrepareSpec {
  /**
   * A fast acceptor (quick-check*.ts) that refuses forbidden keys and deep nesting itself: what it
   * vouches for at the current version skips the guard walk and the migrations. `null` = no opinion.
   */
  vouch?: (value: unknown) => unknown;
  kind: string;
  versionField: string;
  current: number;
  minimum: number;
  migrations: readonly Migration[];
}

export type Prepared =
  | {
      ok: true;
      doc: Record<string, unknown>;
      /** The fast acceptor's typed result, when it vouched for the document. */
      vouched?: unknown;
      diagnostics: Diagnostic[];
      sourceMap: SourceMap | null;
    }
  | { ok: false; diagnostics: Diagnostic[]; sourceMap: SourceMap | null };

/**
 * Parse (if text), refuse hostile shapes, and migrate to the current version: everything before
 * validation. The text parser is passed in so the browser's fast path need not bundle jsonc-parser.
 */
export function prepareDocument(
  input: unknown,
  spec: PrepareSpec,
  parseText: (text: string) => ParsedText,
): Prepared {
  let value = input;
  let sourceMap: SourceMap | null = null;
  if (typeof input === 'string') {
    if (input.length > MAX_DOCUMENT_CHARS) {
      return fail(
        null,
        diag(
          'E_TOO_LARGE',
          `the file is ${input.length} characters; the limit is ${MAX_DOCUMENT_CHARS}`,
          '',
          null,
        ),
      );
    }
    const parsed = parseText(input);
    sourceMap = parsed.sourceMap;
    // Only broken text is scanned for depth (valid JSON is depth-checked by the guard below): the
    // syntax-error parser recurses, and absurd nesting must be refused before it runs.
    if (parsed.errors.length > 0 && textNestingDepth(input) > MAX_DEPTH) {
      return fail(null, diag('E_TOO_DEEP', `brackets are nested more than ${MAX_DEPTH} deep`, '', null));
    }
    if (parsed.errors.length > 0) {
      const errors = parsed.errors
        .slice(0, 5)
        .map((e) => diag('E_JSON_SYNTAX', `JSON syntax: ${e.message}`, '', sourceMap!.position(e.offset)));
      return fail(sourceMap, ...errors);
    }
    value = parsed.value;
  }
  const at = (path: Array<string | number>, preferKey = false) => sourceMap?.locate(path, preferKey) ?? null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(sourceMap, diag('E_NOT_OBJECT', `a ${spec.kind} must be a JSON object`, '', at([])));
  }
  const vouched = spec.vouch?.(value);
  if (vouched !== null && vouched !== undefined) {
    return { ok: true, doc: value as Record<string, unknown>, vouched, diagnostics: [], sourceMap };
  }
  const guarded = guardValue(value, typeof input === 'string');
  if (guarded.length > 0) {
    return fail(
      sourceMap,
      ...guarded.map((p) =>
        p.kind === 'too-deep'
          ? diag('E_TOO_DEEP', `nested more than ${MAX_DEPTH} levels`, toPointer(p.path), at(p.path))
          : p.kind === 'cycle'
            ? diag(
                'E_SHAPE',
                'this value refers back to itself or is shared; a document must be a tree',
                toPointer(p.path),
                at(p.path),
              )
            : diag(
                'E_FORBIDDEN_KEY',
                `the key '${p.key}' is not allowed`,
                toPointer(p.path),
                at(p.path, true),
                'rename the key',
              ),
      ),
    );
  }
  const migrated = migrate(value as Record<string, unknown>, spec, at);
  if (!migrated.ok) return fail(sourceMap, ...migrated.diagnostics);
  return { ok: true, doc: migrated.doc, diagnostics: migrated.diagnostics, sourceMap };
}

function migrate(
  doc: Record<string, unknown>,
  spec: PrepareSpec,
  at: (p: Array<string | number>) => { line: number; column: number } | null,
) {
  const pointer = `/${spec.versionField}`;
  const version = doc[spec.versionField];
  // Locating costs a syntax-tree parse: only do it when there is something to report.
  const where = () => at([spec.versionField]);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    const d = diag(
      'E_SCHEMA_VERSION',
      `'${spec.versionField}' must be a whole number (this build writes ${spec.current})`,
      pointer,
      where(),
      `add "${spec.versionField}": ${spec.current}`,
    );
    return { ok: false as const, diagnostics: [d] };
  }
  if (version > spec.current) {
    const d = diag(
      'E_SCHEMA_VERSION_NEWER',
      `this ${spec.kind} is format ${version}, made by a newer Composure; this build reads up to ${spec.current}`,
      pointer,
      where(),
      'update Composure to open it',
    );
    return { ok: false as const, diagnostics: [d] };
  }
  if (version < spec.minimum) {
    const d = diag(
      'E_SCHEMA_VERSION_OLD',
      `format ${version} is older than the oldest this build can migrate (${spec.minimum})`,
      pointer,
      where(),
    );
    return { ok: false as const, diagnostics: [d] };
  }
  let current = doc;
  const diagnostics: Diagnostic[] = [];
  for (let v = version; v < spec.current; v += 1) {
    const step = spec.migrations.find((m) => m.from === v);
    if (!step)
      return {
        ok: false as const,
        diagnostics: [diag('E_SCHEMA_VERSION_OLD', `no migration from format ${v}`, pointer, where())],
      };
    current = step.migrate(current);
    diagnostics.push({
      ...diag(
        'I_MIGRATED',
        `migrated from format ${step.from} to ${step.to}: ${step.describe}`,
        pointer,
        where(),
      ),
      severity: 'info',
    });
  }
  return { ok: true as const, doc: current, diagnostics };
}

const fail = (sourceMap: SourceMap | null, ...diagnostics: Diagnostic[]) => ({
  ok: false as const,
  diagnostics,
  sourceMap,
});
