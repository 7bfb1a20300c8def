// @vitest-environment jsdom
import { launchCmi5, useCmi5 } from '@/state/cmi5-launch';
import { currentTarget, setLaunchTarget } from '@/state/lrs-outbox';
import { useTrainee } from '@/state/trainee-store';

vi.mock('@/state/lrs-bridge', () => ({ startLrsBridge: vi.fn(async () => {}) }));

const actor = {
  objectType: 'Agent',
  name: 'Li Na',
  account: { homePage: 'https://lms.example.com', name: 'e-1001' },
};
const params = {
  endpoint: 'https://lrs.example.com/xAPI/',
  fetch: 'https://lms.example.com/cmi5/fetch?k=abc',
  registration: 'ec231e93-1ee3-4b0a-a5b4-6f1f7a2b8c9d',
  activityId: 'https://lms.example.com/au/composure-1',
  actor: JSON.stringify(actor),
};
const search = `?${new URLSearchParams(params)}`;

function fakeLms(launchData: unknown, token: unknown = { 'auth-token': 'dG9rZW4=' }) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const run = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    if (String(url).startsWith(params.fetch)) return new Response(JSON.stringify(token), { status: 200 });
    if (String(url).includes('/activities/state'))
      return launchData === undefined
        ? new Response(null, { status: 404 })
        : new Response(JSON.stringify(launchData), { status: 200 });
    return new Response(null, { status: 500 });
  }) as unknown as typeof fetch;
  return { run, calls };
}

afterEach(() => setLaunchTarget(null));

describe('a cmi5 launch', () => {
  it('fetches the token, reads LMS.LaunchData as the launched actor, sends as them and opens the scenario', async () => {
    const lms = fakeLms({
      contextTemplate: {
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'sess-9' },
      },
      launchMode: 'Normal',
      launchParameters: 'disputed-fee',
      masteryScore: 0.6,
    });
    const state = await launchCmi5(search, lms.run);
    expect(state).toEqual({
      status: 'ready',
      scenarioId: 'disputed-fee',
      returnURL: null,
      launchMode: 'Normal',
    });
    expect(lms.calls[0]).toMatchObject({ url: params.fetch, init: { method: 'POST' } });
    const stateUrl = new URL(lms.calls[1]!.url);
    expect(stateUrl.pathname).toBe('/xAPI/activities/state');
    expect(stateUrl.searchParams.get('stateId')).toBe('LMS.LaunchData');
    expect(stateUrl.searchParams.get('registration')).toBe(params.registration);
    expect(JSON.parse(stateUrl.searchParams.get('agent')!)).toMatchObject({ account: actor.account });
    expect((lms.calls[1]!.init!.headers as Record<string, string>).Authorization).toBe('Basic dG9rZW4=');

    const target = currentTarget()!;
    expect(target.connection.endpoint).toBe(params.endpoint);
    expect(target.actor).toMatchObject({ account: actor.account });
    expect(target.cmi5).toMatchObject({
      registration: params.registration,
      activityId: params.activityId,
      sessionId: 'sess-9',
      masteryScore: 0.6,
    });
    expect(useTrainee.getState().trainee).toEqual({ id: 'e-1001', name: 'Li Na' });
    expect(window.location.hash).toBe('#/play/disputed-fee');
  });

  it('a malformed launch is reported by parameter, and nothing is fetched', async () => {
    const lms = fakeLms({});
    const state = await launchCmi5('?endpoint=nope&registration=1', lms.run);
    expect(state.status).toBe('invalid');
    expect(state.status === 'invalid' && state.problems.map((p) => `${p.param}:${p.problem}`)).toEqual([
      'fetch:missing',
      'activityId:missing',
      'actor:missing',
      'endpoint:not-a-url',
      'registration:not-a-uuid',
    ]);
    expect(lms.calls).toEqual([]);
    expect(useCmi5.getState().status).toBe('invalid');
    expect(currentTarget()).toBeNull();
  });

  it('a token already used is said plainly', async () => {
    const state = await launchCmi5(search, fakeLms({}, { 'error-code': '1', 'error-text': 'used' }).run);
    expect(state).toMatchObject({ status: 'token-failed', problem: 'already-used' });
  });

  it('without LaunchData the launch still works, in Normal mode, and the trainee picks a scenario', async () => {
    const state = await launchCmi5(search, fakeLms(undefined).run);
    expect(state).toMatchObject({ status: 'ready', scenarioId: null, launchMode: 'Normal' });
    expect(currentTarget()?.cmi5?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
