import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';
import { boundaryValue } from './limit-boundaries';

const rubric = fakeCallbackRubric();
const valid = JSON.stringify(fakeCallbackCall(), null, 2);
const validObject = () => JSON.parse(valid) as Record<string, unknown>;

/** Load then lint; the property is that neither throws and a failure always says why. */
function check(input: unknown) {
  const loaded = loadScenario(input);
  if (loaded.ok) {
    const report = lintScenario(loaded.scenario, rubric, { searchBudget: 500 });
    expect(Array.isArray(report.diagnostics)).toBe(true);
  } else {
    expect(loaded.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  }
  return true;
}

const paths = (value: unknown, prefix: string[] = []): string[][] => {
  if (value === null || typeof value !== 'object') return [prefix];
  return [
    prefix,
    ...Object.keys(value).flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k])),
  ];
};
const allPaths = paths(validObject()).filter((p) => p.length > 0);

function setAt(target: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const hostileValue = fc.oneof(
  fc.anything(),
  boundaryValue,
  fc.string({ maxLength: 50 }),
  fc.constant('x'.repeat(20_000)),
  fc.constantFrom('__proto__', 'constructor', 'fatcs', 'opening', '', -1, 1e308, NaN, null),
  fc.letrec((tie) => ({
    deep: fc.oneof({ depthSize: 'large' }, fc.constant(1), fc.array(tie('deep'), { maxLength: 2 })),
  })).deep,
);

describe('load and lint never throw', () => {
  it('on random JSON text and values (4,000 runs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.anything(), fc.string()), (input) => check(input)),
      { numRuns: 4000 },
    );
  });

  it('on truncated and byte-mutated scenario text (3,000 runs)', () => {
    const mutated = fc
      .tuple(
        fc.nat({ max: valid.length }),
        fc.nat({ max: valid.length }),
        fc.string({ maxLength: 8 }),
        fc.boolean(),
      )
      .map(([a, b, insert, truncate]) =>
        truncate ? valid.slice(0, a) : valid.slice(0, Math.min(a, b)) + insert + valid.slice(Math.max(a, b)),
      );
    fc.assert(
      fc.property(mutated, (text) => check(text)),
      { numRuns: 3000 },
    );
  });

  it('on scenarios with a field replaced by a hostile value (2,500 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        hostileValue,
        (path, value) =>
          check(setAt(validObject(), path, value)) &&
          check(JSON.stringify(setAt(validObject(), path, value))),
      ),
      { numRuns: 2500 },
    );
  });

  it('on __proto__ keys, deep nesting and cycles (500 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        (path, kind, depth) => {
          const doc = validObject();
          if (kind === 0)
            return (
              check(valid.replace('"nodes": {', `"nodes": {"__proto__": {"say": "x"},`)) &&
              check(setAt(doc, [...path.slice(0, -1), '__proto__'], { a: 1 }))
            );
          if (kind === 1) return check('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
          if (kind === 2) {
            setAt(doc, path, doc);
            return check(doc);
          }
          return check(
            setAt(
              doc,
              path,
              JSON.parse('['.repeat(Math.min(depth, 3000)) + ']'.repeat(Math.min(depth, 3000))),
            ),
          );
        },
      ),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).say).toBeUndefined();
  });

  it('loadRubric also never throws (500 runs)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.anything()), (input) => {
        const r = loadRubric(input);
        return r.ok || r.diagnostics.some((d) => d.severity === 'error');
      }),
      { numRuns: 500 },
    );
  });
});
