import type { XapiAgent, XapiStatement } from './types';

// A small xAPI 1.0.3 client over `fetch`: what the outbox, Review and the cmi5 launch need, no more.
// (@xapi/xapi pulls in axios; this is a few hundred bytes.)

export interface LrsConnection {
  /** The LRS's xAPI base, e.g. https://lrs.example.com/xAPI/ (a trailing slash is added). */
  endpoint: string;
  /** The whole Authorization header: `Basic …` from a key and secret, or the token a cmi5 LMS hands out. */
  authorization?: string;
  fetch?: typeof fetch;
}

export type LrsErrorKind =
  /** No answer at all: offline, the LRS down, DNS, CORS. Retried. */
  | 'offline'
  /** 5xx, 408 or 429: the LRS is there but cannot take it now. Retried. */
  | 'unavailable'
  /** 401 or 403: the credentials are wrong or lack the scope. Retried (settings may be fixed), and shown. */
  | 'unauthorised'
  /** 400, 409, 413 and the like: the LRS refuses this statement. Not retried by itself. */
  | 'refused';

export interface LrsError {
  kind: LrsErrorKind;
  status?: number;
  message: string;
  /** Seconds the LRS asked us to wait (Retry-After). */
  retryAfter?: number;
}

export type LrsResult<T> = { ok: true; value: T } | { ok: false; error: LrsError };

export const XAPI_VERSION = '1.0.3';

export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

export function resource(connection: LrsConnection, path: string): string {
  const base = connection.endpoint.endsWith('/') ? connection.endpoint : `${connection.endpoint}/`;
  return new URL(path.replace(/^\//, ''), base).toString();
}

function headers(connection: LrsConnection, json: boolean): Record<string, string> {
  return {
    'X-Experience-API-Version': XAPI_VERSION,
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(connection.authorization ? { Authorization: connection.authorization } : {}),
  };
}

function classify(status: number): LrsErrorKind {
  if (status === 401 || status === 403) return 'unauthorised';
  if (status >= 500 || status === 408 || status === 429) return 'unavailable';
  return 'refused';
}

async function failure(response: Response): Promise<LrsError> {
  let detail = '';
  try {
    detail = (await response.text()).slice(0, 500);
  } catch {
    // the body is a courtesy
  }
  const retry = Number(response.headers.get('Retry-After'));
  return {
    kind: classify(response.status),
    status: response.status,
    message: `${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`.trim(),
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  };
}

async function request(
  connection: LrsConnection,
  url: string,
  init: RequestInit,
): Promise<LrsResult<Response>> {
  const run = connection.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await run(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    return {
      ok: false,
      error: { kind: 'offline', message: error instanceof Error ? error.message : String(error) },
    };
  }
  if (!response.ok) return { ok: false, error: await failure(response) };
  return { ok: true, value: response };
}

/** POSTs statements in one request. The LRS stores all or none; a statement it already has with the same id and content is accepted again. */
export async function postStatements(
  connection: LrsConnection,
  statements: readonly XapiStatement[],
): Promise<LrsResult<void>> {
  const result = await request(connection, resource(connection, 'statements'), {
    method: 'POST',
    headers: headers(connection, true),
    body: JSON.stringify(statements),
  });
  return result.ok ? { ok: true, value: undefined } : result;
}

export interface StatementPage {
  statements: XapiStatement[];
  /** The next page's URL (absolute), or null on the last page. */
  more: string | null;
}

export interface StatementQuery {
  registration?: string;
  agent?: XapiAgent;
  verb?: string;
  activity?: string;
  related_activities?: boolean;
  since?: string;
  limit?: number;
  ascending?: boolean;
}

/** One page of GET /statements; `more` from the previous page fetches the next. */
export async function getStatements(
  connection: LrsConnection,
  query: StatementQuery | { more: string },
): Promise<LrsResult<StatementPage>> {
  let url: string;
  if ('more' in query) {
    url = new URL(query.more, resource(connection, '')).toString();
  } else {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    url = `${resource(connection, 'statements')}?${params}`;
  }
  const result = await request(connection, url, { method: 'GET', headers: headers(connection, false) });
  if (!result.ok) return result;
  let body: unknown;
  try {
    body = await result.value.json();
  } catch (error) {
    return {
      ok: false,
      error: { kind: 'refused', message: `the LRS answered with no JSON: ${String(error)}` },
    };
  }
  const page = body as { statements?: unknown; more?: unknown };
  if (!Array.isArray(page?.statements))
    return { ok: false, error: { kind: 'refused', message: 'the LRS answer has no statements list' } };
  const more = typeof page.more === 'string' && page.more ? new URL(page.more, url).toString() : null;
  return { ok: true, value: { statements: page.statements as XapiStatement[], more } };
}

/** GET /about: proves the endpoint is an LRS and reachable (credentials are not needed for it). */
export async function about(connection: LrsConnection): Promise<LrsResult<{ version: string[] }>> {
  const result = await request(connection, resource(connection, 'about'), {
    method: 'GET',
    headers: headers(connection, false),
  });
  if (!result.ok) return result;
  try {
    const body = (await result.value.json()) as { version?: unknown };
    return { ok: true, value: { version: Array.isArray(body.version) ? body.version.map(String) : [] } };
  } catch {
    return { ok: false, error: { kind: 'refused', message: 'not an xAPI LRS: /about is not JSON' } };
  }
}

/** GET a document from the State API (cmi5's LMS.LaunchData). `null` when the LRS has none. */
export async function getState(
  connection: LrsConnection,
  params: { activityId: string; agent: XapiAgent; registration?: string; stateId: string },
): Promise<LrsResult<unknown>> {
  const query = new URLSearchParams({
    activityId: params.activityId,
    agent: JSON.stringify(params.agent),
    stateId: params.stateId,
    ...(params.registration ? { registration: params.registration } : {}),
  });
  const url = `${resource(connection, 'activities/state')}?${query}`;
  const run = connection.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    const response = await run(url, {
      method: 'GET',
      headers: headers(connection, false),
      credentials: 'omit',
    });
    if (response.status === 404) return { ok: true, value: null };
    if (!response.ok) return { ok: false, error: await failure(response) };
    return { ok: true, value: await response.json() };
  } catch (error) {
    return { ok: false, error: { kind: 'offline', message: String(error) } };
  }
}
