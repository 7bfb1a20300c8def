import { openOutboxStore } from '@/records/outbox/idb-outbox';
import { createOutbox, type FlushReport, type Outbox } from '@/records/outbox/outbox';
import { basicAuth, postStatements, type LrsConnection } from '@/records/xapi/client';
import type { Cmi5Session } from '@/records/xapi/statements';
import type { XapiAgent } from '@/records/xapi/types';
import { readLrsSettings, type LrsSettings } from './lrs-config';

// The one outbox of this tab, the LRS it sends to and the timer that retries it.

/** Who the statements are about and where they go: from settings, or from a cmi5 launch. */
export interface LrsTarget {
  connection: LrsConnection;
  /** The actor; null means: build one from the attempt's trainee (settings with a blank employee id). */
  actor: XapiAgent | null;
  /** Only from settings: attempts finished before this are not sent. */
  since: number;
  cmi5?: Cmi5Session;
  settings?: LrsSettings;
}

let launched: LrsTarget | null = null;

/** A cmi5 launch points this tab at the LMS's LRS, with its token and actor, for this visit only. */
export function setLaunchTarget(target: LrsTarget | null): void {
  launched = target;
}

export function actorFor(
  settings: LrsSettings,
  trainee: { id: string; name: string } | null,
): XapiAgent | null {
  const name = trainee?.name;
  if (settings.identity === 'mbox') {
    const email = settings.email.trim();
    return email ? { objectType: 'Agent', ...(name ? { name } : {}), mbox: `mailto:${email}` } : null;
  }
  const account = settings.accountName.trim() || trainee?.id;
  const homePage = settings.homePage.trim();
  if (!account || !homePage) return null;
  return { objectType: 'Agent', ...(name ? { name } : {}), account: { homePage, name: account } };
}

export function currentTarget(): LrsTarget | null {
  if (launched) return launched;
  const settings = readLrsSettings();
  if (!settings) return null;
  return {
    connection: {
      endpoint: settings.endpoint,
      ...(settings.username || settings.password
        ? { authorization: basicAuth(settings.username, settings.password) }
        : {}),
    },
    actor: null,
    since: settings.configuredAt,
    settings,
  };
}

let opening: Promise<{ outbox: Outbox; persistent: boolean; reason?: string }> | null = null;

export function outbox(): Promise<{ outbox: Outbox; persistent: boolean; reason?: string }> {
  opening ??= openOutboxStore().then(({ store, persistent, reason }) => ({
    outbox: createOutbox({
      store,
      destination: () => currentTarget()?.connection.endpoint,
      send: async (statements) => {
        const target = currentTarget();
        if (!target)
          return { ok: false, error: { kind: 'unauthorised', message: 'no LRS is configured' } } as const;
        return postStatements(target.connection, statements);
      },
    }),
    persistent,
    ...(reason ? { reason } : {}),
  }));
  return opening;
}

let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<(report: FlushReport) => void>();

export function onFlushed(listener: (report: FlushReport) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sends what is due now and sets a timer for the back-off; another flush meanwhile replaces it. */
export async function flushNow(): Promise<FlushReport | null> {
  if (!currentTarget()) return null;
  const { outbox: box } = await outbox();
  const run = () => box.flush();
  // Two tabs flushing at once would only send duplicates the LRS ignores; a lock avoids even that.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const report = locks ? await locks.request('composure-outbox', run) : await run();
  if (timer) clearTimeout(timer);
  timer = null;
  if (report.nextAt !== null) {
    const wait = Math.max(250, report.nextAt - Date.now());
    timer = setTimeout(() => void flushNow(), Math.min(wait, 2 ** 31 - 1));
  }
  for (const listener of [...listeners]) listener(report);
  return report;
}

let watching = false;

/** Going back online, or coming back to the tab, sends at once instead of waiting out the back-off. */
export function watchConnectivity(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('online', () => void flushNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushNow();
  });
}
