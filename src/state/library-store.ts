import { create } from 'zustand';
import { listAttempts } from '@/records/attempts';
import { listDrafts } from '@/records/drafts';

interface LibraryStore {
  /** Best finished overall score per scenario id, for the current trainee. */
  best: Record<string, number>;
  /** Scenarios with an unfinished attempt of this trainee, each offered as "continue". */
  draftScenarioIds: readonly string[];
  loadProgress: (traineeId: string | null) => Promise<void>;
}

export const useLibrary = create<LibraryStore>((set) => ({
  best: {},
  draftScenarioIds: [],
  loadProgress: async (traineeId) => {
    const [rows, drafts] = await Promise.all([listAttempts(), listDrafts()]);
    const best: Record<string, number> = {};
    for (const row of rows) {
      if (row.status !== 'finished' || (traineeId && row.traineeId !== traineeId)) continue;
      best[row.scenarioId] = Math.max(best[row.scenarioId] ?? 0, row.overall);
    }
    // Every attempt has its own draft: another trainee's, or a finished one, is not this trainee's to continue.
    const mine = drafts.filter(
      (d) => (!traineeId || d.trainee.id === traineeId) && d.state.status === 'active',
    );
    set({ best, draftScenarioIds: [...new Set(mine.map((d) => d.state.scenarioId))] });
  },
}));
