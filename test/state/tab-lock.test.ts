import { webLocks, type LockManagerLike, type TabLocks } from '@/state/tab-lock';
import { broadcastLocks, type ChannelLike } from '@/state/tab-lock-broadcast';
import { fakeLockManager } from '../fakes/tab-locks';

function channels(n: number, name = `test-${crypto.randomUUID()}`): BroadcastChannel[] {
  return Array.from({ length: n }, () => new BroadcastChannel(name));
}

describe('Web Locks ownership', () => {
  it('one tab holds an attempt; another is refused until it lets go', async () => {
    const { manager, held } = fakeLockManager();
    const a = webLocks(manager);
    const b = webLocks(manager);
    expect(await a.claim('x')).toBe(true);
    expect(await a.claim('x')).toBe(true); // re-entrant within the tab
    expect(await b.claim('x')).toBe(false);
    expect(await b.claim('y')).toBe(true);

    a.release('x');
    await Promise.resolve();
    await Promise.resolve();
    expect(held.has('composure.attempt.x')).toBe(false);
    expect(await b.claim('x')).toBe(true);
  });

  it('a lock manager that refuses (opaque origin) leaves the tab working as if alone', async () => {
    const refusing: LockManagerLike = {
      request: () => Promise.reject(new DOMException('denied', 'SecurityError')),
    };
    expect(await webLocks(refusing).claim('x')).toBe(true);
  });
});

describe('BroadcastChannel ownership (no Web Locks)', () => {
  const open: BroadcastChannel[] = [];
  const tabs = (n: number, ids?: string[]): TabLocks[] => {
    const list = channels(n);
    open.push(...list);
    return list.map((c, i) =>
      broadcastLocks(c as unknown as ChannelLike, { waitMs: 40, tabId: ids?.[i] ?? `tab-${i}` }),
    );
  };
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });

  it('a tab holding the attempt answers "mine", so another tab cannot take it', async () => {
    const [a, b] = tabs(2);
    expect(await a!.claim('x')).toBe(true);
    expect(await b!.claim('x')).toBe(false);
    expect(await b!.claim('y')).toBe(true);
    a!.release('x');
    expect(await b!.claim('x')).toBe(true);
    expect(await a!.claim('x')).toBe(false);
  });

  it('two tabs claiming the same attempt at the same moment: exactly one gets it', async () => {
    for (const ids of [
      ['tab-a', 'tab-b'],
      ['tab-b', 'tab-a'],
    ]) {
      const [a, b] = tabs(2, ids);
      const won = await Promise.all([a!.claim('same'), b!.claim('same')]);
      expect(won.filter(Boolean)).toHaveLength(1);
    }
  });

  it('messages that are not claims are ignored', async () => {
    const [a] = tabs(1);
    const [noise] = channels(1);
    open.push(noise!);
    noise!.postMessage({ type: 'mine', attemptId: 3, from: 'x' });
    noise!.postMessage('garbage');
    expect(await a!.claim('x')).toBe(true);
  });
});
