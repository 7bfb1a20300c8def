import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { createSourceMap } from '@/engine/load/source-map';

type Path = Array<string | number>;

// Valid text gets its locations from a lazy scanner (parsed = true); text that did not parse from
// jsonc-parser's syntax tree. The scanner must find exactly what the tree finds.
const maps = (text: string) => {
  const tree = () => parseTree(text, [], { disallowComments: true, allowEmptyContent: false });
  return { scanned: createSourceMap(text, tree, true), fromTree: createSourceMap(text, tree) };
};

/** Every path in the value, and beside each a few that are not there (a missing key, an index past the end). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix, [...prefix, 'absent'], [...prefix, 7]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function expectSameLocations(text: string, paths: Path[]) {
  const { scanned, fromTree } = maps(text);
  const expected = paths.map((path) => fromTree.locate(path));
  for (const [i, path] of paths.entries())
    for (const preferKey of [false, true])
      expect([path, preferKey, scanned.locate(path, preferKey)]).toEqual([
        path,
        preferKey,
        preferKey ? fromTree.locate(path, true) : expected[i],
      ]);
  // All at once, in one reading (lint's way), on a fresh map: the same places.
  const together = maps(text).scanned.locateMany(paths);
  for (const [i, path] of paths.entries()) expect([path, together[i]]).toEqual([path, expected[i]]);
}

describe('source locations of valid JSON', () => {
  it('are where the syntax tree puts them, for any value, indentation and path (300 runs)', () => {
    const keyed = fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', '/', 'é', '中', '\n', ' ', '_') });
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        fc.constantFrom(true, false, null),
        fc.array(tie('node'), { maxLength: 5 }),
        fc.dictionary(keyed, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2, '\t', ' \r\n'), (v, indent) => {
        expectSameLocations(JSON.stringify(v, null, indent), pathsOf(v));
      }),
      { numRuns: 300 },
    );
  });

  it('name the first of duplicate keys, read escaped keys, and survive a key read out of order', () => {
    const text = '{"a": 1, "b": {"x": [1, {"y": 2}]}, "a": 2, "\\u0063": "c", "d\\"e": [ ], "f": {}}';
    const paths: Path[] = [['b', 'x', 1, 'y'], ['a'], ['c'], ['d"e'], ['d"e', 0], ['f', 'g'], ['b', 'x', 2]];
    expectSameLocations(text, paths);
    // Asked again, and in the other order, each container is read on from where it stopped.
    expectSameLocations(text, [...paths].reverse());
    expect(maps(text).scanned.locate(['a'], true)).toEqual({ line: 1, column: 2 });
  });

  it('are found all at once among many members, asked for in any order (hashed lookup)', () => {
    const nodes = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`n${i}`, { say: `line ${i}`, next: [`n${i + 1}`] }]),
    );
    const text = JSON.stringify({ start: 'n0', nodes }, null, 1).replace('"n7": {', '"n\\u0037": {');
    const paths: Path[] = [];
    for (let i = 299; i >= 0; i -= 3) paths.push(['nodes', `n${i}`, 'say'], ['nodes', `n${i}`, 'next', 0]);
    paths.push(['nodes', 'n7', 'say'], ['nodes', 'n300', 'say'], ['nodes', 'n5', 'next', 1], ['start', 0]);
    expectSameLocations(text, paths);
  });
});
