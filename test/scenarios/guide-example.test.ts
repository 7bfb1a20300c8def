// The trainers' guide (scenarios/README.md) and its tutorial scenario (docs/examples/first-call.json)
// must stay true: the example validates cleanly and separates a careful trainee from a careless one,
// and the guide's diagnostics table and field reference keep up with the code.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, PERSONAS, TEMPERAMENTS } from '@/engine/format/ids';
import { RubricSchema, RuleSchema } from '@/engine/format/rubric-schema';
import {
  CustomerSchema,
  EndingSchema,
  NodeSchema,
  PromiseSchema,
  ResponseSchema,
  ScenarioSchema,
} from '@/engine/format/scenario-schema';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const EXAMPLE = 'docs/examples/first-call.json';

function load() {
  const rubric = loadRubric(read('scenarios/rubrics/default.json'));
  if (!rubric.ok)
    throw new Error(`default rubric invalid: ${JSON.stringify(rubric.diagnostics.slice(0, 3))}`);
  const loaded = loadScenario(read(EXAMPLE));
  return { rubric: rubric.rubric, loaded };
}

/** Every code of the DiagnosticCode union, read from the source text so a new code cannot be missed. */
function diagnosticCodes(): string[] {
  const source = read('src/engine/load/diagnostic.ts');
  const union = /export type DiagnosticCode\s*=([\s\S]*?);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([A-Z]_[A-Z_]+)'/g)].map((m) => m[1]!);
}

/** The first cell of every table row in the guide, e.g. "`E_UNKNOWN_NODE`" → "E_UNKNOWN_NODE". */
function tableCodes(readme: string): Set<string> {
  const out = new Set<string>();
  for (const line of readme.split('\n')) {
    const first = /^\|\s*`([EWI]_[A-Z_]+)`\s*\|/.exec(line);
    if (first) out.add(first[1]!);
  }
  return out;
}

describe('the tutorial scenario docs/examples/first-call.json', () => {
  it('loads with no errors or warnings', () => {
    const { loaded } = load();
    expect(loaded.ok).toBe(true);
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('lints clean against the default rubric: best path passes, worst path fails', () => {
    const { rubric, loaded } = load();
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics.slice(0, 3)));
    const report = lintScenario(loaded.scenario, rubric, { sourceMap: loaded.sourceMap });
    expect(report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
    expect(report.bounds.exact).toBe(true);
    expect(report.best?.result.passed).toBe(true);
    expect(report.worst?.result.passed).toBe(false);
    // The tutorial promises a small phone call of four to five decisions, in both languages.
    expect(loaded.scenario.channel).toBe('phone');
    expect(report.stats.bestPathDecisions).toBeGreaterThanOrEqual(4);
    expect(report.stats.bestPathDecisions).toBeLessThanOrEqual(5);
    expect(loaded.scenario.locales).toEqual(['zh-CN', 'en']);
  });

  it('points its $schema at the published JSON Schema, relative to the file', () => {
    const { loaded } = load();
    if (!loaded.ok) throw new Error('invalid');
    expect(loaded.scenario.$schema).toBe('../../public/schema/scenario.schema.json');
    const schemaPath = fileURLToPath(new URL(loaded.scenario.$schema!, new URL(EXAMPLE, root)));
    expect(existsSync(schemaPath)).toBe(true);
  });
});

describe('the trainers guide scenarios/README.md', () => {
  const readme = () => read('scenarios/README.md');

  it('has a row in its diagnostics table for every DiagnosticCode', () => {
    const codes = diagnosticCodes();
    expect(codes.length).toBeGreaterThan(20);
    const documented = tableCodes(readme());
    expect(codes.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('names every field of the scenario and rubric formats', () => {
    const fields = new Set(
      [
        ScenarioSchema,
        NodeSchema,
        ResponseSchema,
        CustomerSchema,
        EndingSchema,
        PromiseSchema,
        RubricSchema,
        RuleSchema,
      ].flatMap((s) => Object.keys(s.shape)),
    );
    const text = readme();
    expect([...fields].filter((field) => !text.includes(`\`${field}\``))).toEqual([]);
  });

  it('explains every persona, temperament and outcome', () => {
    const values = [...PERSONAS, ...TEMPERAMENTS, ...OUTCOMES];
    const text = readme();
    expect(values.filter((value) => !text.includes(`\`${value}\``))).toEqual([]);
  });
});
