import { readPack, PACK_FORMAT } from '@/state/scenario-pack';
import { fakeScenario } from '../fakes/scenario';

const one = fakeScenario({ id: 'pack-one' });
const two = fakeScenario({ id: 'pack-two' });
const pretty = (v: unknown) => JSON.stringify(v, null, 2);

describe('reading scenario packs and files for import', () => {
  it('reads a pack: every scenario, each with its own text and where it came from', () => {
    const read = readPack([
      { name: 'team.json', text: pretty({ format: PACK_FORMAT, version: 1, scenarios: [one, two] }) },
    ]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scenarios.map((s) => [s.scenario.id, s.source])).toEqual([
      ['pack-one', 'team.json#1'],
      ['pack-two', 'team.json#2'],
    ]);
    expect(JSON.parse(read.scenarios[1]!.text)).toEqual(two);
  });

  it('reads plain scenario files beside a pack', () => {
    const read = readPack([
      { name: 'a.json', text: pretty(one) },
      { name: 'b.json', text: pretty({ format: PACK_FORMAT, version: 1, scenarios: [two] }) },
    ]);
    expect(read.ok && read.scenarios.map((s) => s.source)).toEqual(['a.json', 'b.json#1']);
  });

  it('locates broken JSON by file, line and column, and returns nothing to add', () => {
    const text = `{\n  "id": "x",\n  "title": oops\n}`;
    const read = readPack([
      { name: 'good.json', text: pretty(one) },
      { name: 'broken.json', text },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.every((p) => p.file === 'broken.json')).toBe(true);
    expect(read.problems[0]).toMatchObject({
      line: 3,
      column: 12,
      message: expect.stringMatching(/^JSON syntax/),
    });
  });

  it("locates an error inside a pack's scenario at its line in the pack", () => {
    const bad = { ...two, start: 'nowhere' };
    const text = pretty({ format: PACK_FORMAT, version: 1, scenarios: [one, bad] });
    const read = readPack([{ name: 'pack.json', text }]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toHaveLength(1);
    const problem = read.problems[0]!;
    expect(problem.message).toBe("scenario 2: no node called 'nowhere'");
    // The line holds the bad value in the pack file as written.
    expect(text.split('\n')[problem.line! - 1]).toContain('"nowhere"');
  });

  it('refuses two scenarios with one id, naming where the first came from', () => {
    const read = readPack([
      { name: 'a.json', text: pretty(one) },
      { name: 'b.json', text: pretty({ format: PACK_FORMAT, version: 1, scenarios: [one] }) },
    ]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      expect.objectContaining({
        file: 'b.json',
        message: "the scenario id 'pack-one' is also used by a.json",
      }),
    ]);
  });

  it('refuses a pack of another version or without scenarios, at the field', () => {
    const v2 = readPack([
      { name: 'p.json', text: pretty({ format: PACK_FORMAT, version: 2, scenarios: [one] }) },
    ]);
    expect(!v2.ok && v2.problems[0]).toMatchObject({ file: 'p.json', line: 3 });
    const empty = readPack([
      { name: 'p.json', text: pretty({ format: PACK_FORMAT, version: 1, scenarios: [] }) },
    ]);
    expect(!empty.ok && empty.problems[0]!.message).toBe('"scenarios" is empty');
  });
});
