import { fetchAuthToken, looksLikeCmi5Launch, parseCmi5Launch, readLaunchData } from '@/records/xapi/cmi5';

const actor = {
  objectType: 'Agent',
  name: 'Li Na',
  account: { homePage: 'https://lms.example.com', name: 'e-1001' },
};
const good = {
  endpoint: 'https://lrs.example.com/xAPI/',
  fetch: 'https://lms.example.com/cmi5/fetch?k=abc',
  registration: 'ec231e93-1ee3-4b0a-a5b4-6f1f7a2b8c9d',
  activityId: 'https://lms.example.com/au/composure-1',
  actor: JSON.stringify(actor),
};
const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const problems = (search: string) => {
  const r = parseCmi5Launch(search);
  return r.ok ? [] : r.problems.map((p) => `${p.param}:${p.problem}`);
};

describe('cmi5 launch parameters', () => {
  it('reads a well-formed launch', () => {
    const r = parseCmi5Launch(query(good));
    expect(r).toEqual({
      ok: true,
      launch: { ...good, actor: { objectType: 'Agent', name: 'Li Na', account: actor.account } },
    });
    expect(looksLikeCmi5Launch(query(good))).toBe(true);
    expect(looksLikeCmi5Launch('?lang=en')).toBe(false);
  });

  it('names every missing parameter', () => {
    expect(problems('?endpoint=https://lrs.example.com/')).toEqual([
      'fetch:missing',
      'registration:missing',
      'activityId:missing',
      'actor:missing',
    ]);
    expect(problems(query({ ...good, fetch: '' }))).toEqual(['fetch:missing']);
  });

  it('says what is malformed, parameter by parameter', () => {
    expect(problems(query({ ...good, endpoint: 'lrs.example.com/xAPI' }))).toEqual(['endpoint:not-a-url']);
    expect(problems(query({ ...good, fetch: 'javascript:alert(1)' }))).toEqual(['fetch:not-a-url']);
    expect(problems(query({ ...good, registration: '12345' }))).toEqual(['registration:not-a-uuid']);
    expect(problems(query({ ...good, activityId: 'composure 1' }))).toEqual(['activityId:not-an-iri']);
    expect(problems(query({ ...good, actor: '{name: Li}' }))).toEqual(['actor:not-json']);
    expect(problems(query({ ...good, actor: JSON.stringify({ mbox: 'mailto:li@example.com' }) }))).toEqual([
      'actor:not-an-agent-with-account',
    ]);
    expect(problems(query({ ...good, actor: JSON.stringify({ ...actor, objectType: 'Group' }) }))).toEqual([
      'actor:not-an-agent-with-account',
    ]);
    expect(problems(`${query(good)}&registration=${good.registration}`)).toEqual(['registration:repeated']);
  });

  it('fetches the token once and reports the LMS errors', async () => {
    const answer = (status: number, body: unknown) =>
      vi.fn(
        async (_url: string | URL | Request, _init?: RequestInit) =>
          new Response(JSON.stringify(body), { status }),
      );
    const ok = answer(200, { 'auth-token': 'dG9rZW4=' });
    expect(await fetchAuthToken(good.fetch, ok)).toEqual({ ok: true, token: 'dG9rZW4=' });
    expect(ok.mock.calls[0]![1]).toMatchObject({ method: 'POST' });
    expect(
      await fetchAuthToken(good.fetch, answer(400, { 'error-code': '1', 'error-text': 'already used' })),
    ).toEqual({
      ok: false,
      problem: 'already-used',
      detail: '1: already used',
    });
    expect((await fetchAuthToken(good.fetch, answer(500, { 'error-code': '3' }))).ok).toBe(false);
    expect(await fetchAuthToken(good.fetch, answer(200, {}))).toMatchObject({
      ok: false,
      problem: 'no-token',
    });
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchAuthToken(good.fetch, down)).toMatchObject({ ok: false, problem: 'unreachable' });
  });

  it('reads LMS.LaunchData: the scenario, the mode, the mastery score, the session id', () => {
    const template = {
      contextActivities: { grouping: [{ id: 'https://lms.example.com/course/1' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' },
    };
    expect(
      readLaunchData({
        contextTemplate: template,
        launchMode: 'Normal',
        launchParameters: 'disputed-fee',
        masteryScore: 0.7,
        moveOn: 'CompletedAndPassed',
        returnURL: 'https://lms.example.com/course/1',
      }),
    ).toEqual({
      contextTemplate: template,
      launchMode: 'Normal',
      scenarioId: 'disputed-fee',
      masteryScore: 0.7,
      returnURL: 'https://lms.example.com/course/1',
      sessionId: 's-1',
    });
    expect(readLaunchData({ launchParameters: '{"scenario":"hostile-tenant"}' })?.scenarioId).toBe(
      'hostile-tenant',
    );
    expect(readLaunchData({ launchParameters: '../../etc' })?.scenarioId).toBeNull();
    expect(readLaunchData({ launchMode: 'Review', masteryScore: 7 })).toMatchObject({ launchMode: 'Review' });
    expect(readLaunchData({ masteryScore: 7 })).not.toHaveProperty('masteryScore');
    expect(readLaunchData('nonsense')).toBeNull();
  });
});
