import {
  MIN_SCENARIO_SCHEMA_VERSION,
  SCENARIO_SCHEMA_VERSION,
  BranchSchema,
  CustomerSchema,
  EndingSchema,
  NodeSchema,
  PromiseSchema,
  ResponseSchema,
  ScenarioSchema,
  type Scenario,
} from '../format/scenario-schema';
import { quickCheckScenario } from '../format/quick-check';
import { checkReferences } from './check-references';
import { hasErrors, type Diagnostic } from './diagnostic';
import { loadDocument, type DocumentSpec } from './load-document';
import { SCENARIO_MIGRATIONS } from './migrations';
import type { SourceMap } from './source-map';

const knownFields = new Set(
  [
    ScenarioSchema,
    NodeSchema,
    ResponseSchema,
    CustomerSchema,
    EndingSchema,
    PromiseSchema,
    BranchSchema,
  ].flatMap((s) => Object.keys(s.shape)),
);

const spec: DocumentSpec<Scenario> = {
  kind: 'scenario',
  schema: ScenarioSchema,
  versionField: 'schemaVersion',
  current: SCENARIO_SCHEMA_VERSION,
  minimum: MIN_SCENARIO_SCHEMA_VERSION,
  migrations: SCENARIO_MIGRATIONS,
  knownFields,
  quick: quickCheckScenario,
};

export type ScenarioLoad =
  | { ok: true; scenario: Scenario; diagnostics: Diagnostic[]; sourceMap: SourceMap | null }
  | { ok: false; diagnostics: Diagnostic[]; sourceMap: SourceMap | null };

/** Text or object → a scenario whose references all resolve, or located diagnostics. Never throws. */
export function loadScenario(input: unknown): ScenarioLoad {
  const loaded = loadDocument(input, spec);
  if (!loaded.ok) return loaded;
  const at = (path: Array<string | number>) => loaded.sourceMap?.locate(path) ?? null;
  const diagnostics = [...loaded.diagnostics, ...checkReferences(loaded.value, at)];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, sourceMap: loaded.sourceMap };
  return { ok: true, scenario: loaded.value, diagnostics, sourceMap: loaded.sourceMap };
}
