import { buildCatalogue } from '@/state/catalogue';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const raw = (value: unknown) => () => Promise.resolve(JSON.stringify(value, null, 2));

describe('buildCatalogue', () => {
  it('loads good files and reports a broken one with file, line and column', async () => {
    const broken = fakeScenario({ id: 'broken' });
    broken.nodes.opening!.responses![0]!.next = 'nowhere';
    const catalogue = await buildCatalogue(
      {
        '/scenarios/good.json': raw(fakeScenario()),
        '/scenarios/broken.json': raw(broken),
        '/scenarios/bad-json.json': () => Promise.resolve('{ "id": '),
      },
      { '/scenarios/rubrics/default.json': raw(fakeRubric()) },
    );
    expect(catalogue.entries.map((e) => e.scenario.id)).toEqual(['fake-call']);
    expect(catalogue.entries[0]!.hash).toMatch(/^[0-9a-f]{16}$/);
    const files = catalogue.problems.map((p) => p.file).sort();
    expect(files).toEqual(['scenarios/bad-json.json', 'scenarios/broken.json']);
    const unknown = catalogue.problems
      .find((p) => p.file === 'scenarios/broken.json')!
      .diagnostics.find((d) => d.code === 'E_UNKNOWN_NODE');
    expect(unknown?.line).toBeGreaterThan(1);
    expect(unknown?.column).toBeGreaterThan(0);
  });

  it('reports a second file that reuses a scenario id instead of hiding it', async () => {
    const catalogue = await buildCatalogue(
      { '/scenarios/a.json': raw(fakeScenario()), '/scenarios/b.json': raw(fakeScenario()) },
      { '/scenarios/rubrics/default.json': raw(fakeRubric()) },
    );
    expect(catalogue.entries).toHaveLength(1);
    expect(catalogue.problems[0]).toMatchObject({
      file: 'scenarios/b.json',
      diagnostics: [{ code: 'E_DUPLICATE_ID' }],
    });
  });
});
