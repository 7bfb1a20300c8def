import { create } from 'zustand';
import type { LocalizedText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { AttemptRow } from '@/records/attempt-row';
import { listAttempts, listScenarioSnapshots, saveRubricSnapshot } from '@/records/attempts';
import type { StorageKind } from '@/records/backend';
import type { ImportReport } from '@/records/import-export';
import { needsRecheck } from '@/records/recheck';
import { storageFallbackReason, storageStatus, type RecordsError } from '@/records/storage';
import { loadCatalogue } from './catalogue';
import type { ModelAnswer } from './engine-tasks';
import { modelAnswersFor, openAttempt, type OpenedAttempt } from './open-attempt';
import { runRecords } from './records-client';
import type { ImportFile, KnownRubrics, RecordsProgress } from './records-tasks';

export type { ImportFile, RecordsProgress } from './records-tasks';
export type { ModelAnswer } from './engine-tasks';

/** An attempt opened for the attempt page: record, versions, replay, check, plausibility. */
export type AttemptDetail = OpenedAttempt;

export interface ExportedFile {
  filename: string;
  blob: Blob;
  count: number;
}

interface RecordsState {
  status: 'idle' | 'loading' | 'ready';
  rows: AttemptRow[];
  /** Scenario titles by id, from the catalogue and the stored snapshots. */
  titles: Record<string, LocalizedText>;
  /** The app's current rubric: rule titles for the summary. */
  rubric: Rubric | null;
  storage: StorageKind;
  storageReason: string | null;
  /** The last storage failure (quota, a refused write), shown until dismissed. */
  error: RecordsError | null;
  importing: boolean;
  exporting: boolean;
  /** Import, export or re-check under way (in the records worker, or in slices on the page). */
  progress: RecordsProgress | null;
  reports: ImportReport[];
  load: () => Promise<void>;
  importFiles: (files: readonly ImportFile[]) => Promise<ImportReport[]>;
  exportAttempts: (ids?: readonly string[]) => Promise<ExportedFile | null>;
  openAttempt: (id: string) => Promise<AttemptDetail | null>;
  /** The best response at each turn, searched after the attempt is on screen. */
  modelAnswers: (detail: AttemptDetail) => Promise<ModelAnswer[]>;
  dismissError: () => void;
  clearReports: () => void;
}

/** The catalogue's rubric, when the app has one: it verifies attempts whose bundle came without one. */
async function currentRubrics(): Promise<KnownRubrics> {
  try {
    const catalogue = await loadCatalogue();
    return [{ hash: catalogue.rubricHash, rubric: catalogue.rubric }];
  } catch {
    return [];
  }
}

async function catalogueContent(): Promise<{ titles: Record<string, LocalizedText>; hashes: string[] }> {
  try {
    const catalogue = await loadCatalogue();
    return {
      titles: Object.fromEntries(catalogue.entries.map((e) => [e.scenario.id, e.scenario.title])),
      hashes: catalogue.entries.map((e) => e.hash),
    };
  } catch {
    return { titles: {}, hashes: [] };
  }
}

/** Replaces rows by id, keeping the order. */
function merge(rows: AttemptRow[], updated: AttemptRow[]): AttemptRow[] {
  if (!updated.length) return rows;
  const byId = new Map(updated.map((r) => [r.id, r]));
  return rows.map((r) => byId.get(r.id) ?? r);
}

let loadSeq = 0;

export const useRecords = create<RecordsState>((set, get) => ({
  status: 'idle',
  rows: [],
  titles: {},
  rubric: null,
  storage: storageStatus(),
  storageReason: null,
  error: null,
  importing: false,
  exporting: false,
  progress: null,
  reports: [],

  load: async () => {
    const seq = ++loadSeq;
    if (get().status === 'idle') set({ status: 'loading' });
    const rubrics = await currentRubrics();
    // Storing the current rubric lets attempts saved before it was snapshotted be verified now.
    for (const r of rubrics) await saveRubricSnapshot(r.rubric, r.hash);
    const [rows, snapshots, fromCatalogue] = await Promise.all([
      listAttempts(),
      listScenarioSnapshots(),
      catalogueContent(),
    ]);
    if (seq !== loadSeq) return;
    const titles: Record<string, LocalizedText> = {};
    for (const s of snapshots) titles[s.scenario.id] = s.scenario.title;
    set({
      status: 'ready',
      rows,
      titles: { ...titles, ...fromCatalogue.titles },
      rubric: rubrics[0]?.rubric ?? null,
      storage: storageStatus(),
      storageReason: storageFallbackReason(),
    });
    // Rows still to check (saved before their rubric, or by an older build) are checked off the page;
    // the table shows at once and updates when they are done.
    const known = new Set([...snapshots.map((s) => s.hash), ...fromCatalogue.hashes]);
    const stale = rows.filter((r) => needsRecheck(r, known));
    if (!stale.length) return;
    const checked = await runRecords({ kind: 'recheck', rows: stale, rubrics }, (p) => {
      if (seq === loadSeq && p.kind === 'recheck' && p.total > 500) set({ progress: p });
    });
    if (seq !== loadSeq) return;
    set({
      rows: checked.ok ? merge(get().rows, checked.rows) : get().rows,
      progress: null,
      error: checked.ok ? get().error : checked.error,
    });
  },

  importFiles: async (files) => {
    set({ importing: true, progress: null });
    let reports: ImportReport[];
    try {
      reports = await runRecords(
        { kind: 'import', files: [...files], rubrics: await currentRubrics() },
        (p) => set({ progress: p }),
      );
    } catch (error) {
      // Never leave the panel saying "importing" for ever.
      reports = files.map((f) => ({
        file: f.name,
        ok: false as const,
        reason: 'storage' as const,
        detail: error instanceof Error ? error.message : String(error),
      }));
    }
    const quota = reports.find((r) => !r.ok && (r.reason === 'quota' || r.reason === 'storage'));
    set({
      importing: false,
      progress: null,
      reports,
      error:
        quota && !quota.ok
          ? { kind: quota.reason === 'quota' ? 'quota' : 'storage', message: quota.detail }
          : get().error,
    });
    await get().load();
    return reports;
  },

  exportAttempts: async (ids) => {
    set({ exporting: true, progress: { kind: 'export', phase: 'reading' } });
    try {
      const exported = await runRecords(
        { kind: 'export', ...(ids ? { ids: [...ids] } : {}), rubrics: await currentRubrics() },
        (p) => set({ progress: p }),
      );
      if (!exported.ok) {
        set({ error: exported.error });
        return null;
      }
      return { filename: exported.filename, blob: exported.blob, count: exported.count };
    } catch (error) {
      set({ error: { kind: 'storage', message: error instanceof Error ? error.message : String(error) } });
      return null;
    } finally {
      set({ exporting: false, progress: null });
    }
  },

  openAttempt: (id) => openAttempt(id),
  modelAnswers: (detail) => modelAnswersFor(detail),

  dismissError: () => set({ error: null }),
  clearReports: () => set({ reports: [] }),
}));
