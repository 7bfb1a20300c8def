import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickCheckScenario } from '@/engine/format/quick-check';
import { ScenarioSchema } from '@/engine/format/scenario-schema';
import { quickCheckRubric } from '@/engine/format/quick-check-rubric';
import { RubricSchema } from '@/engine/format/rubric-schema';
import { loadScenario } from '@/engine/load/load-scenario';
import { quickLoadRubric, quickLoadScenario } from '@/engine/load/quick-load';
import { fakeScenario } from './fake-scenario';

const valid = JSON.stringify(fakeScenario());
const paths = (value: unknown, prefix: string[] = []): string[][] =>
  value === null || typeof value !== 'object'
    ? [prefix]
    : [
        prefix,
        ...Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k])),
      ];
const allPaths = paths(JSON.parse(valid)).filter((p) => p.length > 0);

function setAt(path: string[], value: unknown) {
  const doc = JSON.parse(valid);
  let node = doc;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
  return JSON.parse(JSON.stringify(doc));
}

const nearMiss = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '',
    'x'.repeat(4001),
    'en',
    'zh-CN',
    'EN',
    'a.b',
    'apology.sincere',
    'Opening',
    '1abc',
    'facts',
    -4,
    -3,
    0,
    3,
    4,
    1.5,
    100,
    101,
    -101,
    600,
    601,
    2,
    51,
    true,
    null,
    [],
    {},
  ),
  fc.constantFrom(
    { en: 'x' },
    { EN: 'x' },
    { en: '' },
    { anger: 3 },
    { anger: { gte: 1 } },
    { anger: {} },
    { flag: 'x' },
    { not: { flag: 'x' } },
    { all: [] },
    { promise: { id: 'a', is: 'kept' } },
  ),
);

describe('quickCheckScenario agrees with the zod schema', () => {
  it('accepts what zod accepts and gives the same value', () => {
    const parsed = ScenarioSchema.parse(JSON.parse(valid));
    expect(quickCheckScenario(JSON.parse(valid))).toEqual(parsed);
  });

  it('on thousands of single-field mutations (3,000 runs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), nearMiss, (path, value) => {
        const doc = setAt(path, value);
        const zod = ScenarioSchema.safeParse(doc);
        const quick = quickCheckScenario(doc);
        expect(quick !== null, `${path.join('/')} = ${JSON.stringify(value)?.slice(0, 60)}`).toBe(
          zod.success,
        );
        if (zod.success) expect(quick).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('on added unknown keys at any level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allPaths), fc.string({ minLength: 1, maxLength: 6 }), (path, key) => {
        const doc = JSON.parse(valid);
        let node = doc;
        for (const k of path.slice(0, -1)) node = node[k];
        if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
        node[key] = 1;
        expect(quickCheckScenario(doc) !== null).toBe(ScenarioSchema.safeParse(doc).success);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('quickCheckRubric agrees with the zod schema', () => {
  const rubricText = readFileSync(new URL('../../scenarios/rubrics/default.json', import.meta.url), 'utf8');
  const rubricPaths = paths(JSON.parse(rubricText)).filter((p) => p.length > 0);
  const mutate = (path: string[], value: unknown) => {
    const doc = JSON.parse(rubricText);
    let node = doc;
    for (const key of path.slice(0, -1)) node = node[key];
    node[path.at(-1)!] = value;
    return JSON.parse(JSON.stringify(doc));
  };

  it('accepts the default rubric with the same defaults', () => {
    expect(quickCheckRubric(JSON.parse(rubricText))).toEqual(RubricSchema.parse(JSON.parse(rubricText)));
  });

  it('on thousands of single-field mutations (3,000 runs)', () => {
    const rubricNearMiss = fc.oneof(
      nearMiss,
      fc.constantFrom(
        { on: 'first-turn' },
        { on: 'within-turns' },
        { on: 'within-turns', turns: 3 },
        { met: { anger: 1 } },
        { 'zh-CN': { violated: ['x'] } },
        { en: { met: [''] } },
        ['loyal'],
        ['nope'],
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...rubricPaths), rubricNearMiss, (path, value) => {
        const doc = mutate(path, value);
        const zod = RubricSchema.safeParse(doc);
        const quick = quickCheckRubric(doc);
        expect(quick !== null, `${path.join('/')} = ${JSON.stringify(value)?.slice(0, 60)}`).toBe(
          zod.success,
        );
        if (zod.success) expect(quick).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('quickLoadScenario', () => {
  it('loads every library scenario exactly as the full loader does', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const full = loadScenario(text);
      expect(full.ok, file).toBe(true);
      if (full.ok) expect(quickLoadScenario(text)?.scenario).toEqual(full.scenario);
    }
  });

  it('declines anything the full loader would report, so diagnostics always come from it', () => {
    const broken = fakeScenario();
    broken.nodes.opening!.responses![0]!.next = 'nowhere';
    expect(quickLoadScenario(JSON.stringify(broken))).toBeNull();
    expect(quickLoadScenario('{"schemaVersion": 1,')).toBeNull();
    expect(quickLoadScenario(JSON.stringify({ ...fakeScenario(), schemaVersion: 2 }))).toBeNull();
    expect(quickLoadRubric('[]')).toBeNull();
  });
});
