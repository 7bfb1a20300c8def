import type { XapiAgent } from './types';
import { isUuid } from './uuid';

// cmi5 (AICC cmi5 spec, "Content Launch Mechanisms"): an LMS opens the AU with five query parameters.
// Every one is required; each problem is reported by name so the trainee (and the LMS admin) sees
// what is wrong instead of a blank page.

export const CMI5_PARAMS = ['endpoint', 'fetch', 'registration', 'activityId', 'actor'] as const;
export type Cmi5Param = (typeof CMI5_PARAMS)[number];

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  registration: string;
  activityId: string;
  actor: XapiAgent & { account: { homePage: string; name: string } };
}

export type Cmi5LaunchProblem =
  | { param: Cmi5Param; problem: 'missing' }
  | { param: Cmi5Param; problem: 'repeated' }
  | { param: 'endpoint' | 'fetch'; problem: 'not-a-url' }
  | { param: 'registration'; problem: 'not-a-uuid' }
  | { param: 'activityId'; problem: 'not-an-iri' }
  | { param: 'actor'; problem: 'not-json' | 'not-an-agent-with-account' };

export type Cmi5LaunchResult =
  { ok: true; launch: Cmi5Launch } | { ok: false; problems: Cmi5LaunchProblem[] };

/** True when the URL carries any cmi5 launch parameter: then it is a launch, and must be a valid one. */
export function looksLikeCmi5Launch(search: string): boolean {
  const params = new URLSearchParams(search);
  return CMI5_PARAMS.some((p) => params.has(p));
}

const isUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};
/** An absolute IRI: a scheme, then something (cmi5 AU ids are usually https: or urn:). */
const isIri = (value: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value) && value.length <= 2048;

/** Parses the launch URL's query (`location.search`). */
export function parseCmi5Launch(search: string): Cmi5LaunchResult {
  const params = new URLSearchParams(search);
  const problems: Cmi5LaunchProblem[] = [];
  const values: Partial<Record<Cmi5Param, string>> = {};
  for (const name of CMI5_PARAMS) {
    const all = params.getAll(name);
    if (all.length === 0 || all[0] === '') problems.push({ param: name, problem: 'missing' });
    else if (all.length > 1) problems.push({ param: name, problem: 'repeated' });
    else values[name] = all[0];
  }
  if (values.endpoint !== undefined && !isUrl(values.endpoint))
    problems.push({ param: 'endpoint', problem: 'not-a-url' });
  if (values.fetch !== undefined && !isUrl(values.fetch))
    problems.push({ param: 'fetch', problem: 'not-a-url' });
  if (values.registration !== undefined && !isUuid(values.registration))
    problems.push({ param: 'registration', problem: 'not-a-uuid' });
  if (values.activityId !== undefined && !isIri(values.activityId))
    problems.push({ param: 'activityId', problem: 'not-an-iri' });
  let actor: Cmi5Launch['actor'] | null = null;
  if (values.actor !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.actor);
    } catch {
      problems.push({ param: 'actor', problem: 'not-json' });
    }
    if (parsed !== undefined) {
      const a = parsed as {
        objectType?: unknown;
        name?: unknown;
        account?: { homePage?: unknown; name?: unknown };
      };
      const ok =
        typeof a === 'object' &&
        a !== null &&
        (a.objectType === undefined || a.objectType === 'Agent') &&
        typeof a.account === 'object' &&
        a.account !== null &&
        typeof a.account.homePage === 'string' &&
        isIri(a.account.homePage) &&
        typeof a.account.name === 'string' &&
        a.account.name.length > 0;
      if (!ok) problems.push({ param: 'actor', problem: 'not-an-agent-with-account' });
      else
        actor = {
          objectType: 'Agent',
          ...(typeof a.name === 'string' ? { name: a.name } : {}),
          account: { homePage: a.account!.homePage as string, name: a.account!.name as string },
        };
    }
  }
  if (problems.length || !actor) return { ok: false, problems };
  return {
    ok: true,
    launch: {
      endpoint: values.endpoint!,
      fetch: values.fetch!,
      registration: values.registration!,
      activityId: values.activityId!,
      actor,
    },
  };
}

/** What the fetch URL answered: the token, or the LMS's cmi5 error (codes 1–3). */
export type FetchTokenResult =
  | { ok: true; token: string }
  | { ok: false; problem: 'already-used' | 'lms-error' | 'unreachable' | 'no-token'; detail: string };

/** POSTs to the fetch URL once (the LMS answers a second call with error 1). */
export async function fetchAuthToken(
  url: string,
  run: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<FetchTokenResult> {
  let body: unknown;
  try {
    const response = await run(url, { method: 'POST', credentials: 'omit', cache: 'no-store' });
    body = await response.json().catch(() => null);
    if (!response.ok && !body)
      return { ok: false, problem: 'lms-error', detail: `${response.status} ${response.statusText}` };
  } catch (error) {
    return {
      ok: false,
      problem: 'unreachable',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const b = body as { 'auth-token'?: unknown; 'error-code'?: unknown; 'error-text'?: unknown } | null;
  if (b && typeof b['auth-token'] === 'string' && b['auth-token'])
    return { ok: true, token: b['auth-token'] };
  if (b && b['error-code'] !== undefined)
    return {
      ok: false,
      problem: String(b['error-code']) === '1' ? 'already-used' : 'lms-error',
      detail:
        `${String(b['error-code'])}: ${typeof b['error-text'] === 'string' ? b['error-text'] : ''}`.trim(),
    };
  return { ok: false, problem: 'no-token', detail: 'the answer has no "auth-token"' };
}

/** The parts of LMS.LaunchData (cmi5 section 10) Composure uses. */
export interface Cmi5LaunchData {
  contextTemplate: { contextActivities?: Record<string, unknown>; extensions?: Record<string, unknown> };
  launchMode: 'Normal' | 'Browse' | 'Review';
  /** Which scenario to play: the AU's launchParameters, a scenario id or `{"scenario": "<id>"}`. */
  scenarioId: string | null;
  masteryScore?: number;
  returnURL?: string;
  sessionId: string | null;
}

export const CMI5_SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

export function readLaunchData(raw: unknown): Cmi5LaunchData | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const d = raw as Record<string, unknown>;
  const template = (
    typeof d.contextTemplate === 'object' && d.contextTemplate !== null ? d.contextTemplate : {}
  ) as Cmi5LaunchData['contextTemplate'];
  const mode = d.launchMode === 'Browse' || d.launchMode === 'Review' ? d.launchMode : 'Normal';
  let scenarioId: string | null = null;
  if (typeof d.launchParameters === 'string' && d.launchParameters.trim()) {
    const text = d.launchParameters.trim();
    try {
      const parsed = JSON.parse(text) as { scenario?: unknown };
      if (typeof parsed?.scenario === 'string') scenarioId = parsed.scenario;
    } catch {
      scenarioId = text;
    }
  }
  if (scenarioId !== null && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(scenarioId)) scenarioId = null;
  const sessionId = template.extensions?.[CMI5_SESSION_ID];
  return {
    contextTemplate: template,
    launchMode: mode,
    scenarioId,
    ...(typeof d.masteryScore === 'number' && d.masteryScore >= 0 && d.masteryScore <= 1
      ? { masteryScore: d.masteryScore }
      : {}),
    ...(typeof d.returnURL === 'string' ? { returnURL: d.returnURL } : {}),
    sessionId: typeof sessionId === 'string' ? sessionId : null,
  };
}
