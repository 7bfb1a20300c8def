import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickCheckScenario } from '@/engine/format/quick-check';
import { ScenarioSchema } from '@/engine/format/scenario-schema';
import { quickCheckRubric } from '@/engine/format/quick-check-rubric';
import { RubricSchema } from '@/engine/format/rubric-schema';
import { loadScenario } from '@/engine/load/load-scenario';
import { quickLoadRubric, quickLoadScenario } from '@/engine/load/quick-load';
import { fakeCallbackCall } from '../fakes/callback-call';
import {
  boundaryKeys,
  boundaryLengths,
  boundaryNumbers,
  boundarySizes,
  boundaryStrings,
  boundaryValue,
} from './limit-boundaries';

/** The fake call with every optional field present, so every limit has a field to probe. */
function richScenario() {
  const s = structuredClone(fakeCallbackCall());
  s.$schema = '../public/schema/scenario.schema.json';
  s.role = { en: 'Agent', 'zh-CN': '客服' };
  s.tags = ['billing', 'callback'];
  s.customer.avatar = 'man-1';
  s.weights = { listening: 1, etiquette: 2 };
  const opening = s.nodes.opening!;
  opening.note = { en: 'sighs', 'zh-CN': '叹气' };
  opening.unclear = 'Pardon?';
  opening.timeLimit = 30;
  Object.assign(opening.responses![0]!, {
    feedback: 'Good',
    reply: 'Hm.',
    set: ['greeted'],
    unset: ['rude'],
  });
  s.nodes.facts!.when!.push({
    if: {
      all: [
        { trust: { lt: 5, gte: 0 } },
        { any: [{ promise: { id: 'callback', is: 'broken' } }, { turn: { eq: 9 } }] },
      ],
    },
    next: 'lost',
  });
  return ScenarioSchema.parse(s);
}

const valid = JSON.stringify(richScenario());

/** The value at a path of parsed JSON. */
const valueAt = (doc: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);

const paths = (value: unknown, prefix: string[] = []): string[][] =>
  value === null || typeof value !== 'object'
    ? [prefix]
    : [
        prefix,
        ...Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k])),
      ];

/** Where a mutation can apply in a document: any value, any array, any object key. */
function sites(text: string) {
  const doc = JSON.parse(text) as unknown;
  const all = paths(doc).filter((p) => p.length > 0);
  const at = (path: string[]) => valueAt(doc, path);
  return {
    values: all,
    arrays: [[], ...all].filter((p) => Array.isArray(at(p))),
    keys: all.filter((p) => !Array.isArray(at(p.slice(0, -1)))),
  };
}

type Mutation =
  | { kind: 'set'; path: string[]; value: unknown }
  | { kind: 'resize'; path: string[]; size: number }
  | { kind: 'remove'; path: string[] }
  | { kind: 'rename'; path: string[]; key: string };

function apply(text: string, m: Mutation) {
  const doc = JSON.parse(text);
  let node = doc;
  const path = m.kind === 'resize' ? m.path : m.path.slice(0, -1);
  for (const key of path) node = node[key];
  const last = m.path.at(-1)!;
  if (m.kind === 'set') node[last] = m.value;
  else if (m.kind === 'remove') delete node[last];
  else if (m.kind === 'rename') {
    const value = node[last];
    delete node[last];
    node[m.key] = value;
  } else {
    const item = node[0] ?? 'a';
    node.length = 0;
    for (let i = 0; i < m.size; i += 1) node.push(item);
  }
  return JSON.parse(JSON.stringify(doc));
}

const nearMiss = fc.oneof(
  fc.jsonValue(),
  boundaryValue,
  fc.constantFrom(
    'en',
    'zh-CN',
    'EN',
    'a.b',
    'apology.sincere',
    'Opening',
    '1abc',
    'facts',
    2,
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
    { flag: '' },
    { not: { flag: 'x' } },
    { all: [] },
    { any: [{ flag: 'x' }] },
    { promise: { id: 'a', is: 'kept' } },
    { promise: { id: '', is: 'kept' } },
  ),
);

function mutations(text: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  const at = sites(text);
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.record({ path: fc.constantFrom(...at.values), value: values }) },
      {
        weight: 2,
        arbitrary: fc.record({
          path: fc.constantFrom(...at.arrays),
          size: fc.constantFrom(...boundarySizes),
        }),
      },
      { weight: 1, arbitrary: fc.record({ path: fc.constantFrom(...at.values) }) },
      {
        weight: 2,
        arbitrary: fc.record({ path: fc.constantFrom(...at.keys), key: fc.constantFrom(...boundaryKeys) }),
      },
    )
    .map((m): Mutation => {
      if ('value' in m) return { kind: 'set', path: m.path, value: m.value };
      if ('size' in m) return { kind: 'resize', path: m.path, size: m.size };
      if ('key' in m) return { kind: 'rename', path: m.path, key: m.key };
      return { kind: 'remove', path: m.path };
    });
}

/** Every boundary value at every field where it fits: numbers at numbers, strings at texts, and so on. */
function everyBoundary(text: string): Mutation[] {
  const doc = JSON.parse(text) as unknown;
  const at = (path: string[]) => valueAt(doc, path);
  const where = sites(text);
  const out: Mutation[] = [];
  for (const path of where.values) {
    const value = at(path);
    if (typeof value === 'number') for (const n of boundaryNumbers) out.push({ kind: 'set', path, value: n });
    if (typeof value === 'string' || (value !== null && typeof value === 'object' && !Array.isArray(value)))
      for (const str of boundaryStrings) out.push({ kind: 'set', path, value: str });
  }
  for (const path of where.arrays) for (const size of boundarySizes) out.push({ kind: 'resize', path, size });
  for (const path of where.keys) for (const key of boundaryKeys) out.push({ kind: 'rename', path, key });
  return out;
}

const show = (m: Mutation) => `${m.kind} ${m.path.join('/')} ${JSON.stringify(m).slice(0, 80)}`;

describe("boundary values come from the formats' one source of limits", () => {
  it('cover both sides of every limit', () => {
    expect(boundaryNumbers).toEqual(expect.arrayContaining([-101, -100, 100, 101, 2.5, 600, 601]));
    expect(boundaryLengths).toEqual(expect.arrayContaining([0, 1, 40, 41, 4000, 4001, 64, 65]));
    expect(boundarySizes).toEqual(expect.arrayContaining([0, 1, 8, 9, 12, 13, 20, 21, 200, 201]));
  });
});

describe('quickCheckScenario agrees with the zod schema', () => {
  it('accepts what zod accepts and gives the same value', () => {
    const parsed = ScenarioSchema.parse(JSON.parse(valid));
    expect(quickCheckScenario(JSON.parse(valid))).toEqual(parsed);
  });

  it('on thousands of single mutations at and past the limits (3,000 runs)', () => {
    fc.assert(
      fc.property(mutations(valid, nearMiss), (m) => {
        const doc = apply(valid, m);
        const zod = ScenarioSchema.safeParse(doc);
        const quick = quickCheckScenario(doc);
        expect(quick !== null, show(m)).toBe(zod.success);
        if (zod.success) expect(quick).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('at every field, on and past every limit (exhaustive)', () => {
    const checked = everyBoundary(valid);
    for (const m of checked) {
      const doc = apply(valid, m);
      const zod = ScenarioSchema.safeParse(doc);
      const quick = quickCheckScenario(doc);
      expect(quick !== null, show(m)).toBe(zod.success);
      if (zod.success) expect(quick, show(m)).toEqual(zod.data);
    }
    expect(checked.length).toBeGreaterThan(1000);
  });

  it('on added unknown keys at any level', () => {
    const allPaths = sites(valid).values;
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
  const base = JSON.parse(
    readFileSync(new URL('../../scenarios/rubrics/default.json', import.meta.url), 'utf8'),
  );
  // Every optional rule field present somewhere, so its limits are probed too.
  Object.assign(base.rules['etiquette.greeting'], {
    critical: false,
    expect: { on: 'first-turn' },
    cues: { en: { met: ['good morning'], violated: ['yo'] }, 'zh-CN': { met: ['您好'] } },
  });
  base.rules['apology.sincere'].expect = { on: 'within-turns', turns: 3 };
  const rubricText = JSON.stringify(base);

  it('accepts the default rubric with the same defaults', () => {
    expect(quickCheckRubric(JSON.parse(rubricText))).toEqual(RubricSchema.parse(JSON.parse(rubricText)));
  });

  it('at every field, on and past every limit (exhaustive)', () => {
    // Three rules carry every rule field; the other thirty-odd would only repeat them.
    const keep = ['etiquette.greeting', 'apology.sincere', 'etiquette.no-blame'];
    const small = JSON.stringify({
      ...base,
      rules: Object.fromEntries(keep.map((id) => [id, base.rules[id]])),
    });
    for (const m of everyBoundary(small)) {
      const doc = apply(small, m);
      const zod = RubricSchema.safeParse(doc);
      const quick = quickCheckRubric(doc);
      expect(quick !== null, show(m)).toBe(zod.success);
      if (zod.success) expect(quick, show(m)).toEqual(zod.data);
    }
  });

  it('on thousands of single mutations at and past the limits (3,000 runs)', () => {
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
      fc.property(mutations(rubricText, rubricNearMiss), (m) => {
        const doc = apply(rubricText, m);
        const zod = RubricSchema.safeParse(doc);
        const quick = quickCheckRubric(doc);
        expect(quick !== null, show(m)).toBe(zod.success);
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
    const broken = fakeCallbackCall();
    broken.nodes.opening!.responses![0]!.next = 'nowhere';
    expect(quickLoadScenario(JSON.stringify(broken))).toBeNull();
    expect(quickLoadScenario('{"schemaVersion": 1,')).toBeNull();
    expect(quickLoadScenario(JSON.stringify({ ...fakeCallbackCall(), schemaVersion: 2 }))).toBeNull();
    expect(quickLoadRubric('[]')).toBeNull();
  });
});
