import type { LrsError, LrsResult } from '../xapi/client';
import type { XapiStatement } from '../xapi/types';

// Statements wait here until the LRS has them. The queue lives in IndexedDB (idb-outbox.ts), so going
// offline, an LRS that is down, wrong credentials or a closed tab lose nothing: the next flush sends
// what is left. Statement ids are name-based (xapi/uuid.ts), so sending one twice is harmless, and
// an id the LRS has acknowledged is remembered, so the same statement is never queued again.

export interface OutboxItem {
  id: string;
  /** Enqueue order: statements are sent in the order they happened. */
  seq: number;
  statement: XapiStatement;
  enqueuedAt: number;
  /** Where it is meant to go (the LRS endpoint it was queued for); only a flush to that LRS sends it. */
  destination?: string;
  /** Sends tried so far. */
  tries: number;
  /** Not before this time (ms): the back-off. */
  nextAt: number;
  /** `failed`: the LRS refused it (400, 409…): it waits for someone to retry or discard it. */
  state: 'pending' | 'failed';
  error: (LrsError & { at: number }) | null;
}

export interface OutboxStore {
  /** Adds the items whose id is neither queued nor already sent; returns how many were new. */
  add(items: OutboxItem[]): Promise<number>;
  list(): Promise<OutboxItem[]>;
  put(items: OutboxItem[]): Promise<void>;
  /** Removes them from the queue and remembers their ids as delivered. */
  markSent(ids: string[], at: number): Promise<void>;
  remove(ids: string[]): Promise<void>;
  sentCount(): Promise<number>;
  /** Attempts whose closing statements were queued: the sweep does them once. */
  isClosed(attemptId: string): Promise<boolean>;
  close(attemptId: string): Promise<void>;
}

export interface OutboxOptions {
  store: OutboxStore;
  send: (statements: XapiStatement[]) => Promise<LrsResult<void>>;
  /** The LRS `send` reaches now: items queued for another wait (undefined: every item is sent). */
  destination?: () => string | undefined;
  now?: () => number;
  random?: () => number;
  /** Statements per POST. */
  batchSize?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface FlushReport {
  sent: number;
  /** Refused by the LRS this time (now `failed`). */
  refused: number;
  /** Why the flush stopped early (offline, LRS down, 401); the rest waits for the back-off. */
  stoppedBy: LrsError | null;
  /** When the next try is due (ms), or null when nothing is pending. */
  nextAt: number | null;
}

export interface OutboxSummary {
  pending: number;
  failed: OutboxItem[];
  /** The newest error of a pending statement: why they are still waiting. */
  waitingBecause: (LrsError & { at: number }) | null;
  nextAt: number | null;
  sent: number;
  /** Waiting for another LRS than the one configured now (queued before the settings or a launch changed). */
  elsewhere: number;
}

export interface Outbox {
  enqueue(statements: readonly XapiStatement[], destination?: string): Promise<number>;
  flush(): Promise<FlushReport>;
  /** Failed (or all waiting) statements become due now; then a flush. */
  retry(ids?: readonly string[]): Promise<FlushReport>;
  discard(ids: readonly string[]): Promise<void>;
  summary(): Promise<OutboxSummary>;
  store: OutboxStore;
}

export const DEFAULT_BATCH = 50;

/** Exponential back-off with jitter: 2 s, 4 s, 8 s… up to 5 minutes, ±25 %. */
export function backoffMs(tries: number, random: () => number, base = 2_000, max = 300_000): number {
  const raw = Math.min(max, base * 2 ** Math.max(0, tries - 1));
  return Math.round(raw * (0.75 + random() * 0.5));
}

export function createOutbox(options: OutboxOptions): Outbox {
  const { store, send } = options;
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const delay = (tries: number, error: LrsError) =>
    error.retryAfter !== undefined
      ? error.retryAfter * 1000
      : backoffMs(tries, random, options.baseDelayMs, options.maxDelayMs);
  let seq = 0;
  let running: Promise<FlushReport> | null = null;

  /** Pending and meant for the LRS `send` reaches now. */
  const sendable = (i: OutboxItem, here = options.destination?.()) =>
    i.state === 'pending' && (here === undefined || i.destination === undefined || i.destination === here);
  const nextDue = (items: OutboxItem[]) => {
    const pending = items.filter((i) => sendable(i));
    return pending.length ? Math.min(...pending.map((i) => i.nextAt)) : null;
  };

  async function flushOnce(): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, refused: 0, stoppedBy: null, nextAt: null };
    for (;;) {
      const items = await store.list();
      const here = options.destination?.();
      const due = items.filter((i) => sendable(i, here) && i.nextAt <= now());
      if (!due.length) {
        report.nextAt = nextDue(items);
        return report;
      }
      const batch = due.slice(0, batchSize);
      const result = await send(batch.map((i) => i.statement));
      if (result.ok) {
        await store.markSent(
          batch.map((i) => i.id),
          now(),
        );
        report.sent += batch.length;
        continue;
      }
      const error = { ...result.error, at: now() };
      if (error.kind === 'refused') {
        if (batch.length > 1) {
          // One bad statement refuses the whole POST: send them one at a time to find it.
          for (const item of batch) {
            const single = await send([item.statement]);
            if (single.ok) {
              await store.markSent([item.id], now());
              report.sent += 1;
            } else if (single.error.kind === 'refused') {
              await store.put([
                { ...item, tries: item.tries + 1, state: 'failed', error: { ...single.error, at: now() } },
              ]);
              report.refused += 1;
            } else {
              await backOff(due, item, single.error);
              report.stoppedBy = single.error;
              report.nextAt = nextDue(await store.list());
              return report;
            }
          }
          continue;
        }
        await store.put([{ ...batch[0]!, tries: batch[0]!.tries + 1, state: 'failed', error }]);
        report.refused += 1;
        continue;
      }
      // Offline, LRS down, credentials refused: everything due waits, the batch's tries count up.
      await backOff(due, batch[0]!, result.error, batch);
      report.stoppedBy = result.error;
      report.nextAt = nextDue(await store.list());
      return report;
    }
  }

  async function backOff(due: OutboxItem[], head: OutboxItem, error: LrsError, batch: OutboxItem[] = [head]) {
    const tried = new Set(batch.map((i) => i.id));
    const tries = head.tries + 1;
    const at = now();
    const nextAt = at + delay(tries, error);
    await store.put(
      due.map((i) => ({
        ...i,
        tries: tried.has(i.id) ? i.tries + 1 : i.tries,
        nextAt,
        error: { ...error, at },
      })),
    );
  }

  const outbox: Outbox = {
    store,
    async enqueue(statements, destination) {
      const at = now();
      const items = statements.map((statement) => ({
        id: statement.id,
        ...(destination !== undefined ? { destination } : {}),
        seq: at * 1000 + (seq++ % 1000),
        statement,
        enqueuedAt: at,
        tries: 0,
        nextAt: at,
        state: 'pending' as const,
        error: null,
      }));
      return store.add(items);
    },
    flush() {
      if (running) return running;
      running = flushOnce().finally(() => {
        running = null;
      });
      return running;
    },
    async retry(ids) {
      if (running) await running;
      const wanted = ids ? new Set(ids) : null;
      const items = (await store.list()).filter((i) => !wanted || wanted.has(i.id));
      await store.put(items.map((i) => ({ ...i, state: 'pending', nextAt: now() })));
      return outbox.flush();
    },
    async discard(ids) {
      await store.remove([...ids]);
    },
    async summary() {
      const items = await store.list();
      const pending = items.filter((i) => i.state === 'pending');
      const waiting = pending
        .map((i) => i.error)
        .filter((e): e is NonNullable<OutboxItem['error']> => e !== null)
        .sort((a, b) => b.at - a.at)[0];
      return {
        pending: pending.length,
        failed: items.filter((i) => i.state === 'failed'),
        waitingBecause: waiting ?? null,
        nextAt: nextDue(items),
        sent: await store.sentCount(),
        elsewhere: pending.filter((i) => !sendable(i)).length,
      };
    },
  };
  return outbox;
}

/** The queue in memory: for tests, and for a browser that refuses IndexedDB (it then lasts as long as the tab). */
export function createMemoryOutboxStore(): OutboxStore {
  const queue = new Map<string, OutboxItem>();
  const sent = new Set<string>();
  const closed = new Set<string>();
  return {
    async add(items) {
      let added = 0;
      for (const item of items) {
        if (queue.has(item.id) || sent.has(item.id)) continue;
        queue.set(item.id, structuredClone(item));
        added += 1;
      }
      return added;
    },
    async list() {
      return [...queue.values()].map((i) => structuredClone(i)).sort((a, b) => a.seq - b.seq);
    },
    async put(items) {
      for (const item of items) if (queue.has(item.id)) queue.set(item.id, structuredClone(item));
    },
    async markSent(ids) {
      for (const id of ids) {
        queue.delete(id);
        sent.add(id);
      }
    },
    async remove(ids) {
      for (const id of ids) queue.delete(id);
    },
    async sentCount() {
      return sent.size;
    },
    async isClosed(id) {
      return closed.has(id);
    },
    async close(id) {
      closed.add(id);
    },
  };
}
