import { create } from 'zustand';
import type { AttemptRow } from '@/records/attempt-row';
import { listAttempts } from '@/records/attempts';

// "My progress" reads the same rows Review does, but only the current trainee's and without Review's
// store (re-checks, import, export): that store stays in Review's chunk, not in a trainee's.

interface ProgressStore {
  status: 'idle' | 'loading' | 'ready';
  traineeId: string | null;
  rows: AttemptRow[];
  load: (traineeId: string) => Promise<void>;
}

let seq = 0;

export const useProgress = create<ProgressStore>((set, get) => ({
  status: 'idle',
  traineeId: null,
  rows: [],
  load: async (traineeId) => {
    const mine = ++seq;
    // Another trainee's rows are never shown while this one's load.
    if (get().traineeId !== traineeId) set({ status: 'loading', traineeId, rows: [] });
    const rows = await listAttempts({ traineeId });
    if (mine !== seq) return;
    set({ status: 'ready', traineeId, rows });
  },
}));
