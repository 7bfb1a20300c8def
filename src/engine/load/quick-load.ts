import { quickCheckRubric } from '../format/quick-check-rubric';
import { quickCheckScenario } from '../format/quick-check';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import {
  MIN_SCENARIO_SCHEMA_VERSION,
  RUBRIC_SCHEMA_VERSION,
  SCENARIO_SCHEMA_VERSION,
} from '../format/limits';
import { checkReferences } from './check-references';
import { hasErrors, type Diagnostic } from './diagnostic';
import { prepareDocument } from './prepare-document';
import type { ParsedText } from './source-map';
import { SCENARIO_MIGRATIONS } from './migrations';

/**
 * Loading without zod, for the browser's first paint: a valid document loads exactly as with
 * loadScenario/loadRubric. `null` means "not vouched for": call the full loader for located diagnostics.
 */
export function quickLoadScenario(input: unknown): { scenario: Scenario; diagnostics: Diagnostic[] } | null {
  try {
    const prepared = prepareDocument(
      input,
      {
        kind: 'scenario',
        versionField: 'schemaVersion',
        current: SCENARIO_SCHEMA_VERSION,
        minimum: MIN_SCENARIO_SCHEMA_VERSION,
        migrations: SCENARIO_MIGRATIONS,
        vouch: quickCheckScenario,
      },
      plainParse,
    );
    if (!prepared.ok) return null;
    const scenario = (prepared.vouched as Scenario | undefined) ?? quickCheckScenario(prepared.doc);
    if (!scenario) return null;
    const diagnostics = [...prepared.diagnostics, ...checkReferences(scenario, () => null)];
    return hasErrors(diagnostics) ? null : { scenario, diagnostics };
  } catch {
    return null;
  }
}

export function quickLoadRubric(input: unknown): { rubric: Rubric; diagnostics: Diagnostic[] } | null {
  try {
    const prepared = prepareDocument(
      input,
      {
        kind: 'rubric',
        versionField: 'rubricVersion',
        current: RUBRIC_SCHEMA_VERSION,
        vouch: quickCheckRubric,
        minimum: RUBRIC_SCHEMA_VERSION,
        migrations: [],
      },
      plainParse,
    );
    if (!prepared.ok) return null;
    const rubric = (prepared.vouched as Rubric | undefined) ?? quickCheckRubric(prepared.doc);
    return rubric ? { rubric, diagnostics: prepared.diagnostics } : null;
  } catch {
    return null;
  }
}

/** JSON.parse with no locations: anything it cannot parse goes to the full loader anyway. */
function plainParse(text: string): ParsedText {
  const noMap = {
    locate: () => null,
    locateMany: (paths: readonly unknown[]) => paths.map(() => null),
    position: () => ({ line: 1, column: 1 }),
  };
  try {
    return { value: JSON.parse(text) as unknown, sourceMap: noMap, errors: [] };
  } catch {
    return { value: undefined, sourceMap: noMap, errors: [{ message: 'not JSON', offset: 0 }] };
  }
}
