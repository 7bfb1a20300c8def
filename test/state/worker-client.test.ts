import { createWorkerClient, WORKER_CANCELLED, type WorkerReply } from '@/state/worker-client';
import { runOpen } from '@/state/engine-tasks';
import { GOOD, playRecord, rubric, scenario } from '../records/fixtures';

/** A worker stand-in: records what it is sent; the test answers for it. */
class FakeWorker {
  static made: FakeWorker[] = [];
  sent: Array<{ id: number; task: unknown }> = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number; task: unknown }) {
    this.sent.push(message);
  }
  reply(reply: WorkerReply) {
    this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

const make = () => new FakeWorker() as unknown as Worker;

describe('createWorkerClient', () => {
  it('matches answers to requests by id and passes progress to the caller', async () => {
    const client = createWorkerClient(make);
    const progress: unknown[] = [];
    const a = client.run({ n: 1 }, (p) => progress.push(p))!;
    const b = client.run({ n: 2 })!;
    const w = FakeWorker.made[0]!;
    expect(FakeWorker.made).toHaveLength(1);
    expect(w.sent.map((m) => m.task)).toEqual([{ n: 1 }, { n: 2 }]);
    const [idA, idB] = w.sent.map((m) => m.id) as [number, number];
    w.reply({ id: idA, progress: { done: 1 } });
    w.reply({ id: idB, ok: true, value: 'two' });
    w.reply({ id: idA, ok: false, error: 'nope' });
    await expect(b).resolves.toBe('two');
    await expect(a).rejects.toThrow('nope');
    expect(progress).toEqual([{ done: 1 }]);
  });

  it('a crashed worker fails what was in flight and is started afresh', async () => {
    const client = createWorkerClient(make);
    const a = client.run('x')!;
    FakeWorker.made[0]!.crash('boom');
    await expect(a).rejects.toThrow('boom');
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    void client.run('y');
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('with idleClose, the worker is ended once nothing is in flight', async () => {
    const client = createWorkerClient(make, { idleClose: true });
    const a = client.run('x')!;
    const b = client.run('y')!;
    const w = FakeWorker.made[0]!;
    w.reply({ id: w.sent[0]!.id, ok: true, value: 1 });
    await a;
    expect(w.terminated).toBe(false);
    w.reply({ id: w.sent[1]!.id, ok: true, value: 2 });
    await b;
    expect(w.terminated).toBe(true);
  });

  it('with latestOnly, a newer request ends the worker running an older one (the author check)', async () => {
    const client = createWorkerClient(make, { latestOnly: true });
    const old = client.run('draft 1')!;
    const newer = client.run('draft 2')!;
    await expect(old).rejects.toThrow(WORKER_CANCELLED);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const w = FakeWorker.made[1]!;
    w.reply({ id: w.sent[0]!.id, ok: true, value: 'checked 2' });
    await expect(newer).resolves.toBe('checked 2');
    // Idle, cancel keeps the warm worker; busy, it ends it.
    client.cancel();
    expect(w.terminated).toBe(false);
    const third = client.run('draft 3')!;
    client.cancel();
    await expect(third).rejects.toThrow(WORKER_CANCELLED);
    expect(w.terminated).toBe(true);
  });

  it('without workers (jsdom, old browsers) it says so, and the caller computes on the page', () => {
    vi.stubGlobal('Worker', undefined);
    expect(createWorkerClient(make).run('x')).toBeNull();
  });
});

describe('the open task (what the worker runs for the debrief and Review)', () => {
  const record = playRecord(GOOD);

  it('replays, checks and judges plausibility; the result is plain data that survives a copy', () => {
    const opened = runOpen({ kind: 'open', record, scenario, rubric, rubricExact: true });
    expect(opened.verification).toBe('verified');
    expect(opened.differences).toEqual([]);
    expect(opened.state?.turns).toHaveLength(record.turns.length);
    expect(opened.result?.overall).toBeCloseTo(record.result.overall, 1);
    expect(opened.plausibility.flags).toEqual([]);
    expect(structuredClone(opened)).toEqual(opened);
  });

  it('with a stand-in rubric it replays for display but cannot say the score is consistent', () => {
    const opened = runOpen({ kind: 'open', record, scenario, rubric, rubricExact: false });
    expect(opened.verification).toBe('unknown-scenario');
    expect(opened.differences).toEqual([]);
    expect(opened.state).not.toBeNull();
  });

  it('without the scenario nothing is replayed, and an edited score is a mismatch', () => {
    expect(runOpen({ kind: 'open', record, scenario: null, rubric, rubricExact: true })).toMatchObject({
      verification: 'unknown-scenario',
      state: null,
      result: null,
    });
    const edited = { ...record, result: { ...record.result, overall: 1 } };
    const opened = runOpen({ kind: 'open', record: edited, scenario, rubric, rubricExact: true });
    expect(opened.verification).toBe('mismatch');
    expect(opened.differences[0]).toMatch(/^overall: 1 → /);
  });
});
