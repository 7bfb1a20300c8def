import { create } from 'zustand';
import { readJson, writeJson } from './storage';

export interface Trainee {
  id: string;
  name: string;
}

export const TRAINEE_STORAGE_KEY = 'composure.trainee';

function isTrainee(value: unknown): value is Trainee {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && v.id.trim() !== '' && typeof v.name === 'string' && v.name.trim() !== '';
}

interface TraineeStore {
  trainee: Trainee | null;
  /** Blank id → a generated one, so a trainee without an employee number can still keep records. */
  setTrainee: (name: string, id?: string) => Trainee;
  clear: () => void;
}

export const useTrainee = create<TraineeStore>((set) => ({
  trainee: readJson(TRAINEE_STORAGE_KEY, isTrainee),
  setTrainee: (name, id) => {
    const trainee = { name: name.trim(), id: id?.trim() || `t-${crypto.randomUUID().slice(0, 8)}` };
    writeJson(TRAINEE_STORAGE_KEY, trainee);
    set({ trainee });
    return trainee;
  },
  clear: () => {
    try {
      globalThis.localStorage?.removeItem(TRAINEE_STORAGE_KEY);
    } catch {
      // nothing to clear
    }
    set({ trainee: null });
  },
}));
