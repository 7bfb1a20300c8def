import { readdirSync, readFileSync } from 'node:fs';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';

const root = new URL('../../scenarios/', import.meta.url);

export const scenarioFiles = () =>
  readdirSync(root)
    .filter((f) => f.endsWith('.json'))
    .sort();

export function loadLibrary(): { rubric: Rubric; scenarios: Array<{ file: string; scenario: Scenario }> } {
  const rubric = loadRubric(readFileSync(new URL('rubrics/default.json', root), 'utf8'));
  if (!rubric.ok) throw new Error(`default rubric invalid: ${JSON.stringify(rubric.diagnostics)}`);
  const scenarios = scenarioFiles().map((file) => {
    const loaded = loadScenario(readFileSync(new URL(file, root), 'utf8'));
    if (!loaded.ok) throw new Error(`${file}: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
    return { file, scenario: loaded.scenario };
  });
  return { rubric: rubric.rubric, scenarios };
}
