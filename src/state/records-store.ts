import { create } from 'zustand';
import type { LocalizedText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from '@/records/attempt-record';
import type { AttemptRow } from '@/records/attempt-row';
import {
  getAttempt,
  getRubricSnapshot,
  getScenarioSnapshot,
  listAttempts,
  listScenarioSnapshots,
  saveRubricSnapshot,
  verifyPending,
} from '@/records/attempts';
import type { StorageKind } from '@/records/backend';
import {
  exportBundle,
  importBundles,
  type ExportedBundle,
  type ImportReport,
  type ImportSource,
} from '@/records/import-export';
import { storageFallbackReason, storageStatus, type RecordsError } from '@/records/storage';
import { verifyRecord, type VerifyOutcome } from '@/records/verify';
import { modelAnswers } from '@/engine/lint/best-path';
import { loadCatalogue } from './catalogue';

export interface AttemptDetail {
  record: AttemptRecord;
  scenario: Scenario | null;
  rubric: Rubric | null;
  /** Re-checked now, from the stored responses, not read from the row. */
  check: VerifyOutcome;
  /** The best response at each turn the trainee took, from the graph (empty when it cannot replay). */
  modelAnswers: Array<{ turn: number; node: string; responseId: string }>;
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
  reports: ImportReport[];
  load: () => Promise<void>;
  importFiles: (files: readonly ImportSource[]) => Promise<ImportReport[]>;
  exportAttempts: (ids?: readonly string[]) => Promise<ExportedBundle | null>;
  openAttempt: (id: string) => Promise<AttemptDetail | null>;
  dismissError: () => void;
  clearReports: () => void;
}

/** The catalogue's rubric, when the app has one: it verifies attempts whose bundle came without one. */
async function currentRubrics(): Promise<Array<{ hash: string; rubric: Rubric }>> {
  try {
    const catalogue = await loadCatalogue();
    return [{ hash: catalogue.rubricHash, rubric: catalogue.rubric }];
  } catch {
    return [];
  }
}

async function catalogueTitles(): Promise<Record<string, LocalizedText>> {
  try {
    const catalogue = await loadCatalogue();
    return Object.fromEntries(catalogue.entries.map((e) => [e.scenario.id, e.scenario.title]));
  } catch {
    return {};
  }
}

export const useRecords = create<RecordsState>((set, get) => ({
  status: 'idle',
  rows: [],
  titles: {},
  rubric: null,
  storage: storageStatus(),
  storageReason: null,
  error: null,
  importing: false,
  reports: [],

  load: async () => {
    if (get().status === 'idle') set({ status: 'loading' });
    const rubrics = await currentRubrics();
    // Storing the current rubric lets attempts saved before it was snapshotted be verified now.
    for (const r of rubrics) await saveRubricSnapshot(r.rubric, r.hash);
    const pending = await verifyPending();
    const [rows, snapshots, fromCatalogue] = await Promise.all([
      listAttempts(),
      listScenarioSnapshots(),
      catalogueTitles(),
    ]);
    const titles: Record<string, LocalizedText> = {};
    for (const s of snapshots) titles[s.scenario.id] = s.scenario.title;
    set({
      status: 'ready',
      rows,
      titles: { ...titles, ...fromCatalogue },
      rubric: rubrics[0]?.rubric ?? null,
      storage: storageStatus(),
      storageReason: storageFallbackReason(),
      error: pending.ok ? get().error : pending.error,
    });
  },

  importFiles: async (files) => {
    set({ importing: true });
    const reports = await importBundles(files, { rubrics: await currentRubrics() });
    const quota = reports.find((r) => !r.ok && (r.reason === 'quota' || r.reason === 'storage'));
    set({
      importing: false,
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
    const exported = await exportBundle(ids, { rubrics: await currentRubrics() });
    if (!exported.ok) {
      set({ error: exported.error });
      return null;
    }
    return exported.value;
  },

  openAttempt: async (id) => {
    const record = await getAttempt(id);
    if (!record) return null;
    const [scenario, stored] = await Promise.all([
      getScenarioSnapshot(record.scenario.contentHash),
      getRubricSnapshot(record.rubric.hash),
    ]);
    const rubric =
      stored ?? (await currentRubrics()).find((r) => r.hash === record.rubric.hash)?.rubric ?? null;
    const check = verifyRecord(record, scenario ?? undefined, rubric ?? undefined);
    let answers: AttemptDetail['modelAnswers'] = [];
    try {
      answers = check.session ? modelAnswers(check.session) : [];
    } catch {
      // A model answer is a help, not a requirement: never let it hide the transcript.
    }
    return { record, scenario, rubric, check, modelAnswers: answers };
  },

  dismissError: () => set({ error: null }),
  clearReports: () => set({ reports: [] }),
}));
