import 'fake-indexeddb/auto';
import { saveRubricSnapshot, saveScenarioSnapshot } from '@/records/attempts';
import { statementsForRecord } from '@/records/xapi/statements';
import type { XapiStatement } from '@/records/xapi/types';
import { useLrs } from '@/state/lrs-store';
import {
  BAD,
  GOOD,
  freshStorage,
  playRecord,
  rubric,
  rubricHash,
  scenario,
  scenarioHash,
} from '../records/fixtures';

const actor = { name: 'Li Na', account: { homePage: 'https://hr.example.com', name: 'e-1001' } };
const ENDPOINT = 'https://lrs.example.com/xAPI/';

/** An LRS's GET /statements over a fixed list, `limit` a page, with relative `more` links. */
function serve(statements: XapiStatement[]) {
  const requests: string[] = [];
  const fetchStub = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input));
    // The app's own files (the scenario catalogue's index) are not the LRS's: this test serves none.
    if (!url.toString().startsWith(ENDPOINT)) return new Response('', { status: 404 });
    requests.push(url.toString());
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const page = statements.slice(from, from + limit);
    const next =
      from + limit < statements.length ? `/xAPI/statements?limit=${limit}&cursor=${from + limit}` : '';
    return new Response(JSON.stringify({ statements: page, more: next }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchStub);
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('Review from an LRS', () => {
  it('pages through thousands of statements with progress, rebuilds and verifies every attempt, adds none twice', async () => {
    await freshStorage();
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveRubricSnapshot(rubric, rubricHash);
    const records = Array.from({ length: 300 }, (_, i) => playRecord(i % 3 ? GOOD : BAD));
    const statements = records.flatMap((r) => statementsForRecord(r, scenario, rubric, { actor }));
    // Another attempt still in progress, and statements of some other activity provider.
    const inProgress = statementsForRecord(playRecord(GOOD), scenario, rubric, { actor }).slice(0, 2);
    const foreign = { ...statements[0]!, id: '7d9f5a1e-2b3c-4d5e-8f90-a1b2c3d4e5f6', context: {} };
    const all = [...statements, ...inProgress, foreign];
    const requests = serve(all);

    const seen: number[] = [];
    const unsubscribe = useLrs.subscribe((s) => {
      if (s.review.status === 'loading') seen.push(s.review.statements);
    });
    await useLrs.getState().loadFromLrs({ endpoint: ENDPOINT, username: 'r', password: 's', pageSize: 250 });
    unsubscribe();

    const review = useLrs.getState().review;
    expect(review.status).toBe('done');
    expect(review.pages).toBe(Math.ceil(all.length / 250));
    expect(requests).toHaveLength(review.pages);
    expect(new Set(seen).size).toBeGreaterThan(5); // progress moved page by page
    expect(review.statements).toBe(all.length);
    expect(review.attempts).toBe(300);
    expect(review.inProgress).toBe(1);
    expect(review.report).toMatchObject({ ok: true, imported: 300, duplicates: 0, flagged: 0 });

    await useLrs.getState().loadFromLrs({ endpoint: ENDPOINT, username: 'r', password: 's', pageSize: 1000 });
    expect(useLrs.getState().review.report).toMatchObject({ ok: true, imported: 0, duplicates: 300 });
  });

  it('an LRS that refuses the read key is reported, and nothing is imported', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('bad credentials', { status: 401, statusText: 'Unauthorized' })),
    );
    await useLrs.getState().loadFromLrs({ endpoint: ENDPOINT, username: 'r', password: 'wrong' });
    expect(useLrs.getState().review).toMatchObject({ status: 'error', report: null });
    expect(useLrs.getState().review.error).toMatch(/^401 Unauthorized/);
  });
});
