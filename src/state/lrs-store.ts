import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { listScenarioSnapshots } from '@/records/attempts';
import type { ImportReport } from '@/records/import-export';
import type { FlushReport, OutboxItem, OutboxSummary } from '@/records/outbox/outbox';
import { about, basicAuth, getStatements, type LrsConnection } from '@/records/xapi/client';
import type { XapiStatement } from '@/records/xapi/types';
import { loadCatalogue } from './catalogue';
import { isHttpUrl, readLrsSettings, writeLrsSettings, type LrsSettings } from './lrs-config';
import { currentTarget, flushNow, onFlushed, outbox } from './lrs-outbox';

export type { LrsSettings, OutboxItem };

export interface ReviewLoad {
  status: 'idle' | 'loading' | 'done' | 'error' | 'cancelled';
  pages: number;
  statements: number;
  /** Attempts rebuilt so far (finished or abandoned). */
  attempts: number;
  inProgress: number;
  problems: Array<{ attempt: string; reason: string }>;
  report: ImportReport | null;
  error: string | null;
}

interface LrsState {
  settings: LrsSettings | null;
  /** False: IndexedDB refused, the queue lasts as long as the tab. null: not opened yet. */
  persistent: boolean | null;
  summary: OutboxSummary | null;
  lastFlush: FlushReport | null;
  check: { ok: boolean; message: string } | null;
  review: ReviewLoad;
  save: (settings: Omit<LrsSettings, 'configuredAt'>) => Promise<{ ok: boolean; error?: string }>;
  disconnect: () => void;
  testConnection: (settings: Pick<LrsSettings, 'endpoint' | 'username' | 'password'>) => Promise<void>;
  refresh: () => Promise<void>;
  sendNow: () => Promise<void>;
  retry: (ids?: readonly string[]) => Promise<void>;
  discard: (ids: readonly string[]) => Promise<void>;
  /** Drops what waits for an LRS other than the current one. */
  discardElsewhere: () => Promise<void>;
  /** Review: credentials are used for this load and kept nowhere. */
  loadFromLrs: (input: {
    endpoint: string;
    username: string;
    password: string;
    pageSize?: number;
  }) => Promise<void>;
  cancelLoad: () => void;
}

const idleReview: ReviewLoad = {
  status: 'idle',
  pages: 0,
  statements: 0,
  attempts: 0,
  inProgress: 0,
  problems: [],
  report: null,
  error: null,
};

const connectionOf = (s: Pick<LrsSettings, 'endpoint' | 'username' | 'password'>): LrsConnection => ({
  endpoint: s.endpoint.trim(),
  ...(s.username || s.password ? { authorization: basicAuth(s.username, s.password) } : {}),
});

let loadSeq = 0;

async function knownVersions(): Promise<{
  scenarios: Record<string, Scenario>;
  rubrics: Record<string, Rubric>;
}> {
  const scenarios: Record<string, Scenario> = {};
  const rubrics: Record<string, Rubric> = {};
  for (const s of await listScenarioSnapshots()) scenarios[s.hash] = s.scenario;
  try {
    const catalogue = await loadCatalogue();
    for (const e of catalogue.entries) scenarios[e.hash] = e.scenario;
    rubrics[catalogue.rubricHash] = catalogue.rubric;
  } catch {
    // the snapshots may still be enough
  }
  return { scenarios, rubrics };
}

export const useLrs = create<LrsState>((set, get) => {
  onFlushed((report) => {
    set({ lastFlush: report });
    void get().refresh();
  });
  return {
    settings: readLrsSettings(),
    persistent: null,
    summary: null,
    lastFlush: null,
    check: null,
    review: idleReview,

    save: async (input) => {
      if (!isHttpUrl(input.endpoint.trim())) return { ok: false, error: 'endpoint' };
      const previous = get().settings;
      const settings: LrsSettings = {
        ...input,
        endpoint: input.endpoint.trim(),
        // Sending starts with what is played from now on; changing the details keeps the start.
        configuredAt: previous?.configuredAt ?? Date.now(),
      };
      writeLrsSettings(settings);
      set({ settings });
      const { startLrsBridge } = await import('./lrs-bridge');
      await startLrsBridge();
      await get().sendNow();
      return { ok: true };
    },

    disconnect: () => {
      writeLrsSettings(null);
      set({ settings: null, check: null });
    },

    testConnection: async (s) => {
      if (!isHttpUrl(s.endpoint.trim())) return set({ check: { ok: false, message: 'endpoint' } });
      const connection = connectionOf(s);
      const reached = await about(connection);
      if (!reached.ok) return set({ check: { ok: false, message: reached.error.message } });
      // /about needs no credentials; a one-statement query proves they are accepted.
      const read = await getStatements(connection, { limit: 1 });
      set({
        check: read.ok
          ? { ok: true, message: reached.value.version.join(', ') }
          : { ok: false, message: read.error.message },
      });
    },

    refresh: async () => {
      const { outbox: box, persistent } = await outbox();
      set({ summary: await box.summary(), persistent });
    },

    sendNow: async () => {
      const { outbox: box } = await outbox();
      await box.retry((await box.store.list()).filter((i) => i.state === 'pending').map((i) => i.id));
      await flushNow();
      await get().refresh();
    },

    retry: async (ids) => {
      const { outbox: box } = await outbox();
      await box.retry(ids);
      await flushNow();
      await get().refresh();
    },

    discard: async (ids) => {
      const { outbox: box } = await outbox();
      await box.discard(ids);
      await get().refresh();
    },

    discardElsewhere: async () => {
      const { outbox: box } = await outbox();
      const here = currentTarget()?.connection.endpoint;
      const stale = (await box.store.list()).filter(
        (i) => i.destination !== undefined && i.destination !== here,
      );
      await box.discard(stale.map((i) => i.id));
      await get().refresh();
    },

    loadFromLrs: async ({ endpoint, username, password, pageSize = 500 }) => {
      const seq = ++loadSeq;
      if (!isHttpUrl(endpoint.trim()))
        return set({ review: { ...idleReview, status: 'error', error: 'endpoint' } });
      const connection = connectionOf({ endpoint, username, password });
      set({ review: { ...idleReview, status: 'loading' } });
      const statements: XapiStatement[] = [];
      let page = await getStatements(connection, { limit: pageSize, ascending: true });
      for (;;) {
        if (seq !== loadSeq) return; // cancelled or superseded
        if (!page.ok) return set({ review: { ...get().review, status: 'error', error: page.error.message } });
        statements.push(...page.value.statements);
        set({ review: { ...get().review, pages: get().review.pages + 1, statements: statements.length } });
        if (!page.value.more) break;
        page = await getStatements(connection, { more: page.value.more });
      }
      // Import and validation (zod) load with the first load, as Review's own import does.
      const [{ importBundles }, { bundleFromStatements }, known] = await Promise.all([
        import('@/records/import-export'),
        import('@/records/xapi/lrs-bundle'),
        knownVersions(),
      ]);
      const host = new URL(connection.endpoint).host;
      const { source, report } = bundleFromStatements(statements, known, `LRS ${host}`);
      const imported = source
        ? ((
            await importBundles([source], {
              rubrics: Object.entries(known.rubrics).map(([hash, rubric]) => ({ hash, rubric })),
            })
          )[0] ?? null)
        : null;
      if (seq !== loadSeq) return;
      set({
        review: {
          ...get().review,
          status: imported && !imported.ok ? 'error' : 'done',
          attempts: report.records.length,
          inProgress: report.inProgress,
          problems: report.problems,
          report: imported,
          error: imported && !imported.ok ? `${imported.reason}: ${imported.detail}` : null,
        },
      });
    },

    cancelLoad: () => {
      loadSeq += 1;
      set({ review: { ...get().review, status: 'cancelled' } });
    },
  };
});
