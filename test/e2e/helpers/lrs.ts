import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Learning Locker's xapi-statements, a real xAPI LRS, run from node_modules on loopback with its
// in-memory repositories (no MongoDB, no Redis) and the test auth repository, which accepts any key.
// A test-only devDependency: nothing in src/ imports it.

// A free loopback port, chosen on the first start and kept across restarts (the app is configured with it).
let port = Number(process.env.E2E_LRS_PORT ?? 0);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export function lrsEndpoint(): string {
  if (!port) throw new Error('start the LRS first');
  return `http://127.0.0.1:${port}/xAPI/`;
}
export const LRS_AUTH = `Basic ${Buffer.from('composure-e2e:secret').toString('base64')}`;

export interface RunningLrs {
  stop(): Promise<void>;
}

async function waitForAbout(deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`${lrsEndpoint()}about`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the LRS did not answer on ${lrsEndpoint()} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts a fresh LRS (memory storage: a restart starts empty) and resolves when /about answers. */
export async function startLrs(): Promise<RunningLrs> {
  port ||= await freePort();
  // It writes access logs under its working directory: give it a throwaway one.
  const cwd = mkdtempSync(join(tmpdir(), 'composure-lrs-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      join(process.cwd(), 'test/e2e/helpers/lrs-loopback.mjs'),
      join(process.cwd(), 'node_modules/xapi-statements/dist/index.js'),
    ],
    {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        EXPRESS_PORT: String(port),
        MODELS_REPO: 'memory',
        STORAGE_REPO: 'memory',
        AUTH_REPO: 'test',
        EVENTS_REPO: 'test',
        FS_LOCAL_STORAGE_DIR: cwd,
        EXPRESS_MORGAN_DIRECTORY: join(cwd, 'accessLogs'),
        WINSTON_CONSOLE_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForAbout(Date.now() + 60_000),
      exited.then(() => {
        throw new Error(`the LRS exited: ${stderr.slice(-2000)}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
    throw error;
  }
  return {
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

export interface Stored {
  id: string;
  verb: { id: string };
  result?: { response?: string; score?: { raw?: number; scaled?: number }; success?: boolean };
  context?: { registration?: string; extensions?: Record<string, unknown> };
}

/** Every statement of a registration, following `more`. */
export async function statementsFor(registration: string): Promise<Stored[]> {
  const out: Stored[] = [];
  let url: string | null = `${lrsEndpoint()}statements?registration=${registration}&limit=50&ascending=true`;
  while (url) {
    const response: Response = await fetch(url, {
      headers: { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' },
    });
    if (!response.ok) throw new Error(`GET statements: ${response.status}`);
    const page = (await response.json()) as { statements: Stored[]; more?: string };
    out.push(...page.statements);
    url = page.more ? new URL(page.more, lrsEndpoint()).toString() : null;
  }
  return out;
}

/** Stores statements as they were (what an LRS that kept its data across the restart would hold). */
export async function postStatements(statements: unknown[]): Promise<void> {
  const response = await fetch(`${lrsEndpoint()}statements`, {
    method: 'POST',
    headers: {
      Authorization: LRS_AUTH,
      'X-Experience-API-Version': '1.0.3',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(statements),
  });
  if (!response.ok) throw new Error(`POST statements: ${response.status} ${await response.text()}`);
}
