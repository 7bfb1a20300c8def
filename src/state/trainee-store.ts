import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { field, localJsonStorage, parseJson } from './persist-storage';

export interface Trainee {
  id: string;
  name: string;
}

export const TRAINEE_STORAGE_KEY = 'composure.trainee';

function isTrainee(value: unknown): value is Trainee {
  const id = field(value, 'id');
  const name = field(value, 'name');
  return typeof id === 'string' && id.trim() !== '' && typeof name === 'string' && name.trim() !== '';
}

type Saved = Pick<TraineeStore, 'trainee'>;

/** What was saved, checked: anything unusable reads as no trainee. */
function readSaved(saved: unknown): Saved {
  const trainee = field(saved, 'trainee');
  return { trainee: isTrainee(trainee) ? { id: trainee.id, name: trainee.name } : null };
}

interface TraineeStore {
  trainee: Trainee | null;
  /** Blank id → a generated one, so a trainee without an employee number can still keep records. */
  setTrainee: (name: string, id?: string) => Trainee;
  clear: () => void;
}

export const useTrainee = create<TraineeStore>()(
  persist(
    (set) => ({
      trainee: null,
      setTrainee: (name, id) => {
        const trainee = { name: name.trim(), id: id?.trim() || `t-${crypto.randomUUID().slice(0, 8)}` };
        set({ trainee });
        return trainee;
      },
      clear: () => set({ trainee: null }),
    }),
    {
      name: TRAINEE_STORAGE_KEY,
      version: 1,
      storage: localJsonStorage<Saved>({
        bare: parseJson,
        isEmpty: (s) => s.trainee === null,
      }),
      partialize: ({ trainee }) => ({ trainee }),
      // Version 0 is the trainee object itself, as saved before the store used `persist`.
      migrate: (saved, version) => readSaved(version === 0 ? { trainee: saved } : saved),
      merge: (saved, current) => ({ ...current, ...readSaved(saved) }),
    },
  ),
);
