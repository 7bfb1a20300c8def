import { RUBRIC_SCHEMA_VERSION, RubricSchema, RuleSchema, type Rubric } from '../format/rubric-schema';
import { quickCheckRubric } from '../format/quick-check-rubric';
import { cueProblem } from '../text/cue-safety';
import { diag, toPointer, type Diagnostic } from './diagnostic';
import { loadDocument } from './load-document';
import { lineStarts, type SourceMap } from './source-map';

export type RubricLoad =
  | { ok: true; rubric: Rubric; diagnostics: Diagnostic[]; sourceMap: SourceMap | null }
  | { ok: false; diagnostics: Diagnostic[]; sourceMap: SourceMap | null };

/** Text or object → a validated rubric or located diagnostics. Never throws. */
export function loadRubric(input: unknown): RubricLoad {
  const loaded = loadDocument(input, {
    kind: 'rubric',
    schema: RubricSchema,
    versionField: 'rubricVersion',
    current: RUBRIC_SCHEMA_VERSION,
    minimum: RUBRIC_SCHEMA_VERSION,
    migrations: [],
    knownFields: new Set([...Object.keys(RubricSchema.shape), ...Object.keys(RuleSchema.shape)]),
    quick: quickCheckRubric,
  });
  if (!loaded.ok) return loaded;
  const unsafe = unsafeCues(loaded.value, typeof input === 'string' ? input : null, loaded.sourceMap);
  if (unsafe.length > 0)
    return { ok: false, diagnostics: [...unsafe, ...loaded.diagnostics], sourceMap: loaded.sourceMap };
  return { ok: true, rubric: loaded.value, diagnostics: loaded.diagnostics, sourceMap: loaded.sourceMap };
}

/**
 * A company cue that can stall the analyzer (catastrophic backtracking) is refused here, located
 * at the part of the pattern at fault; the analyzer also skips it, so a rubric that slipped past
 * validation still cannot hang a trainee's reply.
 */
function unsafeCues(rubric: Rubric, text: string | null, sourceMap: SourceMap | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [ruleId, rule] of Object.entries(rubric.rules)) {
    for (const [locale, lists] of Object.entries(rule.cues ?? {})) {
      for (const verdict of ['met', 'violated'] as const) {
        (lists[verdict] ?? []).forEach((source, index) => {
          const problem = cueProblem(source);
          if (!problem) return;
          const path = ['rules', ruleId, 'cues', locale, verdict, index];
          const at = sourceMap?.locate(path) ?? null;
          out.push(
            diag(
              'E_UNSAFE_CUE',
              `the cue "${source}" can stall the analyzer on a long reply: ${problem.reason}`,
              toPointer(path),
              at && text ? insideString(text, at, problem.offset) : at,
              `at "${problem.part}"`,
            ),
          );
        });
      }
    }
  }
  return out;
}

/** The position of the `offset`-th character of the JSON string whose opening quote is at `quote`. */
function insideString(
  text: string,
  quote: { line: number; column: number },
  offset: number,
): { line: number; column: number } {
  const start = (lineStarts(text)[quote.line - 1] ?? 0) + quote.column - 1;
  if (text[start] !== '"') return quote;
  let i = start + 1;
  for (let decoded = 0; decoded < offset && i < text.length && text[i] !== '"'; decoded += 1)
    i += text[i] !== '\\' ? 1 : text[i + 1] === 'u' ? 6 : 2;
  return { line: quote.line, column: quote.column + (i - start) };
}
