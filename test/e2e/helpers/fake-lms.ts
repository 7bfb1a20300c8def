import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The LMS side of a cmi5 launch, on 127.0.0.1: the fetch URL hands out a token once, the State API
// answers LMS.LaunchData, and every other xAPI request is passed through to the real test LRS.

export interface FakeLms {
  /** Its xAPI endpoint (what the launch URL's `endpoint` names). */
  endpoint: string;
  fetchUrl: string;
  tokenRequests: number;
  stateRequests: URLSearchParams[];
  close(): Promise<void>;
}

const TOKEN = Buffer.from('cmi5-au:one-time').toString('base64');

function cors(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeLms(
  lrsEndpoint: string,
  launchData: Record<string, unknown>,
): Promise<FakeLms> {
  const state = { tokenRequests: 0, stateRequests: [] as URLSearchParams[] };
  const server: Server = createServer(async (req, res) => {
    cors(req, res);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (url.pathname === '/fetch' && req.method === 'POST') {
      state.tokenRequests += 1;
      res.setHeader('Content-Type', 'application/json');
      // cmi5: the token is handed out once; a second request gets error 1.
      return state.tokenRequests === 1
        ? res.end(JSON.stringify({ 'auth-token': TOKEN }))
        : res.writeHead(400).end(JSON.stringify({ 'error-code': '1', 'error-text': 'already fetched' }));
    }
    if (req.headers.authorization !== `Basic ${TOKEN}`) return res.writeHead(401).end('401');
    if (url.pathname === '/xapi/activities/state') {
      state.stateRequests.push(url.searchParams);
      if (url.searchParams.get('stateId') !== 'LMS.LaunchData') return res.writeHead(404).end();
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify(launchData));
    }
    if (url.pathname.startsWith('/xapi/')) {
      const target = new URL(url.pathname.slice('/xapi/'.length) + url.search, lrsEndpoint);
      const forwarded = await fetch(target, {
        method: req.method ?? 'GET',
        headers: {
          'Content-Type': req.headers['content-type'] ?? 'application/json',
          'X-Experience-API-Version': String(req.headers['x-experience-api-version'] ?? '1.0.3'),
          ...(req.headers.authorization ? { Authorization: req.headers.authorization } : {}),
        },
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: new Uint8Array(await body(req)) }),
      });
      res.writeHead(forwarded.status, {
        'Content-Type': forwarded.headers.get('content-type') ?? 'application/json',
      });
      return res.end(Buffer.from(await forwarded.arrayBuffer()));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    fetchUrl: `http://127.0.0.1:${port}/fetch`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    stateRequests: state.stateRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
