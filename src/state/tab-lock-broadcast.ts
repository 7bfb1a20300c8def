import type { TabLocks } from './tab-lock';

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close?(): void;
}

/** How long a claim waits for another tab to say "mine": tabs answer within a task or two. */
export const CHANNEL_WAIT_MS = 150;

type ChannelMessage = { type: 'who' | 'mine'; attemptId: string; from: string };

const isMessage = (data: unknown): data is ChannelMessage =>
  typeof data === 'object' &&
  data !== null &&
  ((data as ChannelMessage).type === 'who' || (data as ChannelMessage).type === 'mine') &&
  typeof (data as ChannelMessage).attemptId === 'string' &&
  typeof (data as ChannelMessage).from === 'string';

/**
 * The fallback: a claim asks every other tab and wins when nobody answers "mine" in time. Two tabs
 * claiming the same attempt at once both hear the other's question; the lower tab id wins.
 */
export function broadcastLocks(
  channel: ChannelLike,
  options: { tabId?: string; waitMs?: number } = {},
): TabLocks {
  const tabId = options.tabId ?? crypto.randomUUID();
  const waitMs = options.waitMs ?? CHANNEL_WAIT_MS;
  const held = new Set<string>();
  const pending = new Map<string, { lost: boolean; done: Promise<boolean> }>();
  const post = (type: ChannelMessage['type'], attemptId: string) =>
    channel.postMessage({ type, attemptId, from: tabId } satisfies ChannelMessage);

  channel.onmessage = (event) => {
    const message: unknown = event.data;
    if (!isMessage(message) || message.from === tabId) return;
    const claim = pending.get(message.attemptId);
    if (message.type === 'mine') {
      if (claim) claim.lost = true;
      return;
    }
    if (held.has(message.attemptId)) post('mine', message.attemptId);
    else if (claim) {
      if (tabId < message.from) post('mine', message.attemptId);
      else claim.lost = true;
    }
  };

  return {
    claim(attemptId) {
      if (held.has(attemptId)) return Promise.resolve(true);
      const inFlight = pending.get(attemptId);
      if (inFlight) return inFlight.done;
      const claim = { lost: false, done: Promise.resolve(false) };
      claim.done = new Promise<boolean>((resolve) => {
        post('who', attemptId);
        setTimeout(() => {
          pending.delete(attemptId);
          if (!claim.lost) held.add(attemptId);
          resolve(!claim.lost);
        }, waitMs);
      });
      pending.set(attemptId, claim);
      return claim.done;
    },
    release: (attemptId) => void held.delete(attemptId),
  };
}

const CHANNEL_NAME = 'composure.attempts';

/** This tab's locks over the origin's channel. */
export function channelLocks(): TabLocks {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  // Node (tests) keeps a process alive while a channel is open; a page does not care.
  (channel as unknown as { unref?: () => void }).unref?.();
  return broadcastLocks(channel);
}
