import { create } from 'zustand';
import { listAttempts } from '@/records/attempts';
import { loadDraft } from '@/records/drafts';

interface LibraryStore {
  /** Best finished overall score per scenario id, for the current trainee. */
  best: Record<string, number>;
  /** The scenario an unfinished attempt belongs to, offered as "continue". */
  draftScenarioId: string | null;
  loadProgress: (traineeId: string | null) => Promise<void>;
}

export const useLibrary = create<LibraryStore>((set) => ({
  best: {},
  draftScenarioId: null,
  loadProgress: async (traineeId) => {
    const [rows, draft] = await Promise.all([listAttempts(), loadDraft()]);
    const best: Record<string, number> = {};
    for (const row of rows) {
      if (row.status !== 'finished' || (traineeId && row.traineeId !== traineeId)) continue;
      best[row.scenarioId] = Math.max(best[row.scenarioId] ?? 0, row.overall);
    }
    const mine = draft && (!traineeId || draft.trainee.id === traineeId) && draft.state.status === 'active';
    set({ best, draftScenarioId: mine ? draft.state.scenarioId : null });
  },
}));
