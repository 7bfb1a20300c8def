import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { LrsError, LrsResult } from '@/records/xapi/client';
import { postStatements } from '@/records/xapi/client';
import { openOutboxStore } from '@/records/outbox/idb-outbox';
import { backoffMs, createMemoryOutboxStore, createOutbox, type OutboxStore } from '@/records/outbox/outbox';
import { statementsForRecord } from '@/records/xapi/statements';
import type { XapiStatement } from '@/records/xapi/types';
import { BAD, GOOD, playRecord, rubric, scenario } from '../fixtures';

const actor = { name: 'Li Na', account: { homePage: 'https://hr.example.com', name: 'e-1001' } };
const statements = (inputs = GOOD) => statementsForRecord(playRecord(inputs), scenario, rubric, { actor });

/** An LRS in memory that stores by id (a repeat with the same id is accepted and stored once) and can be told to fail. */
function fakeLrs() {
  const stored = new Map<string, XapiStatement>();
  const posts: number[] = [];
  let failWith: LrsError | null = null;
  const refuse = new Set<string>();
  return {
    stored,
    posts,
    fail(error: LrsError | null) {
      failWith = error;
    },
    refuse,
    async send(batch: XapiStatement[]): Promise<LrsResult<void>> {
      posts.push(batch.length);
      if (failWith) return { ok: false, error: failWith };
      const bad = batch.find((s) => refuse.has(s.id));
      if (bad)
        return { ok: false, error: { kind: 'refused', status: 400, message: `400 Bad Request: ${bad.id}` } };
      for (const s of batch) stored.set(s.id, s);
      return { ok: true, value: undefined };
    },
  };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function setUp(store: OutboxStore = createMemoryOutboxStore()) {
  const lrs = fakeLrs();
  const time = clock();
  const outbox = createOutbox({
    store,
    send: (b) => lrs.send(b),
    now: time.now,
    random: () => 0.5,
    batchSize: 4,
  });
  return { lrs, time, outbox };
}

describe('the outbox', () => {
  it('sends everything in order, in batches, and forgets nothing it has not delivered', async () => {
    const { lrs, outbox } = await setUp();
    const all = statements();
    expect(await outbox.enqueue(all)).toBe(all.length);
    const report = await outbox.flush();
    expect(report).toMatchObject({ sent: all.length, refused: 0, stoppedBy: null, nextAt: null });
    expect([...lrs.stored.keys()]).toEqual(all.map((s) => s.id));
    expect(lrs.posts.every((n) => n <= 4)).toBe(true);
    expect(await outbox.summary()).toMatchObject({ pending: 0, failed: [], sent: all.length });
  });

  it('offline, 5xx and 401: keeps every statement, backs off exponentially, then delivers each exactly once', async () => {
    const { lrs, time, outbox } = await setUp();
    const all = statements();
    await outbox.enqueue(all);
    lrs.fail({ kind: 'offline', message: 'Failed to fetch' });
    const first = await outbox.flush();
    expect(first.stoppedBy?.kind).toBe('offline');
    expect(first.nextAt).toBe(time.now() + 2000);
    const summary = await outbox.summary();
    expect(summary.pending).toBe(all.length);
    expect(summary.waitingBecause?.message).toBe('Failed to fetch');

    // Not due yet: nothing is sent.
    const posts = lrs.posts.length;
    await outbox.flush();
    expect(lrs.posts.length).toBe(posts);

    time.advance(2000);
    lrs.fail({ kind: 'unavailable', status: 503, message: '503 Service Unavailable' });
    expect((await outbox.flush()).nextAt).toBe(time.now() + 4000);
    time.advance(4000);
    lrs.fail({ kind: 'unauthorised', status: 401, message: '401 Unauthorized' });
    const third = await outbox.flush();
    expect(third.nextAt).toBe(time.now() + 8000);
    expect((await outbox.summary()).waitingBecause?.status).toBe(401);

    time.advance(8000);
    lrs.fail(null);
    expect((await outbox.flush()).sent).toBe(all.length);
    expect(lrs.stored.size).toBe(all.length);
    // The same statements queued again (a sweep after reload) are not sent again.
    expect(await outbox.enqueue(all)).toBe(0);
    expect((await outbox.flush()).sent).toBe(0);
  });

  it('honours Retry-After', async () => {
    const { lrs, time, outbox } = await setUp();
    await outbox.enqueue(statements(BAD));
    lrs.fail({ kind: 'unavailable', status: 429, message: '429', retryAfter: 30 });
    expect((await outbox.flush()).nextAt).toBe(time.now() + 30_000);
  });

  it('a statement the LRS refuses is found in its batch, marked failed with the reason, and the rest go', async () => {
    const { lrs, outbox } = await setUp();
    const all = statements();
    lrs.refuse.add(all[1]!.id);
    await outbox.enqueue(all);
    const report = await outbox.flush();
    expect(report.refused).toBe(1);
    expect(report.sent).toBe(all.length - 1);
    const summary = await outbox.summary();
    expect(summary.failed.map((f) => f.id)).toEqual([all[1]!.id]);
    expect(summary.failed[0]!.error?.message).toMatch(/^400 Bad Request/);
    // Fixed on the LRS side: retry delivers it; discard is the other way out.
    lrs.refuse.clear();
    expect((await outbox.retry([all[1]!.id])).sent).toBe(1);
    expect(lrs.stored.size).toBe(all.length);
  });

  it('two flushes at once send each statement once', async () => {
    const { lrs, outbox } = await setUp();
    await outbox.enqueue(statements());
    await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    expect(lrs.posts.reduce((a, b) => a + b, 0)).toBe(lrs.stored.size);
  });

  it('statements wait for the LRS they were queued for: a change of settings does not send them elsewhere', async () => {
    const lrs = fakeLrs();
    let here = 'https://a.example.com/xAPI/';
    const store = createMemoryOutboxStore();
    const outbox = createOutbox({
      store,
      send: (b) => lrs.send(b),
      destination: () => here,
      random: () => 0.5,
    });
    const [forA, forB] = [statements(), statements(BAD)];
    await outbox.enqueue(forA, 'https://a.example.com/xAPI/');
    here = 'https://b.example.com/xAPI/';
    await outbox.enqueue(forB, here);
    const report = await outbox.flush();
    expect(report.sent).toBe(forB.length);
    expect(report.nextAt).toBeNull(); // nothing due here: no timer spinning for A's statements
    expect([...lrs.stored.keys()]).toEqual(forB.map((s) => s.id));
    expect(await outbox.summary()).toMatchObject({ pending: forA.length, elsewhere: forA.length });
    here = 'https://a.example.com/xAPI/';
    expect((await outbox.flush()).sent).toBe(forA.length);
  });

  it('back-off grows to five minutes with ±25 % jitter', () => {
    expect(backoffMs(1, () => 0.5)).toBe(2000);
    expect(backoffMs(2, () => 0.5)).toBe(4000);
    expect(backoffMs(30, () => 0.5)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(1500);
    expect(backoffMs(1, () => 1)).toBe(2500);
  });

  it('in IndexedDB, the queue survives closing the tab: a new outbox on the same database sends what was left', async () => {
    const factory = new IDBFactory();
    const first = await setUp((await openOutboxStore(factory)).store);
    const all = statements();
    await first.outbox.enqueue(all);
    first.lrs.fail({ kind: 'offline', message: 'Failed to fetch' });
    await first.outbox.flush();

    const reopened = await openOutboxStore(factory);
    expect(reopened.reason).toBeUndefined();
    expect(reopened.persistent).toBe(true);
    const second = await setUp(reopened.store);
    second.time.advance(10 * 60_000);
    expect((await second.outbox.flush()).sent).toBe(all.length);
    expect([...second.lrs.stored.keys()]).toEqual(all.map((s) => s.id));
    expect(await second.outbox.enqueue(all)).toBe(0);
    expect(await reopened.store.isClosed('x')).toBe(false);
    await reopened.store.close('x');
    expect(await reopened.store.isClosed('x')).toBe(true);
  });
});

describe('the xAPI client', () => {
  const respond = (status: number, body = '', headers: Record<string, string> = {}) =>
    vi.fn(async () => new Response(body || null, { status, headers }));

  it('posts with the xAPI version header and the authorization, and classifies failures', async () => {
    const ok = respond(200, '[]');
    const connection = { endpoint: 'https://lrs.example.com/xAPI', authorization: 'Basic abc', fetch: ok };
    expect((await postStatements(connection, [])).ok).toBe(true);
    const [url, init] = ok.mock.calls[0]! as unknown as [string, RequestInit];
    expect(url).toBe('https://lrs.example.com/xAPI/statements');
    expect(init.headers).toMatchObject({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic abc' });

    const kinds = async (status: number) => {
      const r = await postStatements(
        { ...connection, fetch: respond(status, 'nope', { 'Retry-After': '7' }) },
        [],
      );
      return r.ok ? 'ok' : `${r.error.kind}${r.error.retryAfter ? `+${r.error.retryAfter}` : ''}`;
    };
    expect(await kinds(401)).toBe('unauthorised+7');
    expect(await kinds(503)).toBe('unavailable+7');
    expect(await kinds(400)).toBe('refused+7');
    const offline = await postStatements(
      {
        ...connection,
        fetch: vi.fn(async () => {
          throw new TypeError('Failed to fetch');
        }),
      },
      [],
    );
    expect(offline).toEqual({ ok: false, error: { kind: 'offline', message: 'Failed to fetch' } });
  });
});
