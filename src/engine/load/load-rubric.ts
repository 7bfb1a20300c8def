import { RUBRIC_SCHEMA_VERSION, RubricSchema, RuleSchema, type Rubric } from '../format/rubric-schema';
import { quickCheckRubric } from '../format/quick-check-rubric';
import type { Diagnostic } from './diagnostic';
import { loadDocument } from './load-document';
import type { SourceMap } from './source-map';

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
  return loaded.ok
    ? { ok: true, rubric: loaded.value, diagnostics: loaded.diagnostics, sourceMap: loaded.sourceMap }
    : loaded;
}
