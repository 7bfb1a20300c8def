import { loadAnalyser, withAnalyser } from './analyser';
import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import {
  respond as engineRespond,
  resume,
  setLocale as engineSetLocale,
  start,
} from '@/engine/runtime/session';
import type { Effect, Session, TraineeInput } from '@/engine/runtime/types';
import { buildAttemptRecord } from '@/records/attempt-record';
import { saveAttempt, saveRubricSnapshot, saveScenarioSnapshot } from '@/records/attempts';
import { deleteDraft, loadDraft, saveDraft } from '@/records/drafts';
import { abandonDraft } from './abandon-draft';
import { findEntry, isPreviewId, useCatalogue, type CatalogueEntry } from './catalogue';
import type { Trainee } from './trainee-store';

export type PlayNotice = 'resumed' | 'scenario-changed' | 'other-draft-closed' | 'storage-failed';
export type RejectReason = Extract<Effect, { type: 'rejected' }>['reason'];
type Answer = { choice: string } | { text: string } | { silence: true };

interface PlayStore {
  phase: 'idle' | 'loading' | 'missing' | 'playing' | 'saving' | 'ended' | 'error';
  scenarioId: string | null;
  entry: CatalogueEntry | null;
  rubric: Rubric | null;
  rubricHash: string | null;
  session: Session | null;
  attemptId: string | null;
  trainee: Trainee | null;
  notices: PlayNotice[];
  rejected: RejectReason | null;
  error: string | null;
  paused: boolean;
  /** When the current turn was shown, shifted forward by time spent paused, for `msToAnswer`. */
  turnStartedAt: number;
  pausedAt: number | null;
  open: (scenarioId: string, trainee: Trainee, locale: string) => Promise<void>;
  respond: (answer: Answer) => Promise<void>;
  pause: () => void;
  unpause: () => void;
  quit: () => Promise<string | null>;
  restart: () => Promise<void>;
  setLocale: (locale: string) => void;
  dismissNotice: (notice: PlayNotice) => void;
  reset: () => void;
}

const initial = {
  phase: 'idle' as const,
  scenarioId: null,
  entry: null,
  rubric: null,
  rubricHash: null,
  session: null,
  attemptId: null,
  trainee: null,
  notices: [] as PlayNotice[],
  rejected: null,
  error: null,
  paused: false,
  turnStartedAt: 0,
  pausedAt: null,
};

/** Injected so tests can drive time; the engine gets the same clock. */
export const clock = { now: () => Date.now() };

let openSeq = 0;

export const usePlay = create<PlayStore>((set, get) => {
  // A trainer's preview (Author view) is never persisted: no draft, no snapshots, no attempt record,
  // so it cannot close a trainee's unfinished attempt nor show up in Review.
  const previewing = () => isPreviewId(get().scenarioId);
  const persist = async () => {
    if (previewing()) return;
    const { session, entry, rubricHash, attemptId, trainee } = get();
    if (!session || !entry || !rubricHash || !attemptId || !trainee) return;
    const saved = await saveDraft({
      attemptId,
      trainee,
      scenarioHash: entry.hash,
      rubricHash,
      state: session.state,
      savedAt: clock.now(),
    });
    if (!saved.ok) addNotice('storage-failed');
  };
  const addNotice = (notice: PlayNotice) =>
    set((s) => ({ notices: s.notices.includes(notice) ? s.notices : [...s.notices, notice] }));

  const finishAttempt = async (status: 'finished' | 'abandoned'): Promise<string | null> => {
    const { session, entry, rubricHash, attemptId, trainee } = get();
    if (!session || !entry || !rubricHash || !attemptId || !trainee) return null;
    if (previewing()) {
      set({ attemptId: null }); // nothing saved, so no debrief to link to
      return null;
    }
    const record = buildAttemptRecord({
      attemptId,
      trainee,
      session,
      scenarioHash: entry.hash,
      rubricHash,
      status,
      finishedAt: clock.now(),
    });
    const saved = await saveAttempt(record);
    if (!saved.ok) {
      set({ error: saved.error.message });
      return null;
    }
    await deleteDraft();
    return record.id;
  };

  const begin = async (
    entry: CatalogueEntry,
    rubric: Rubric,
    rubricHash: string,
    trainee: Trainee,
    locale: string,
  ) => {
    // A fresh display order for every attempt, so position never gives the answer away.
    const seed = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const session = start(entry.scenario, rubric, { locale, now: clock.now, seed });
    set({
      session,
      attemptId: crypto.randomUUID(),
      phase: session.state.status === 'ended' ? 'saving' : 'playing',
      turnStartedAt: clock.now(),
      trainee,
    });
    // Snapshots pin the exact versions so the record can be replayed after the files change.
    if (!previewing())
      await Promise.all([
        saveScenarioSnapshot(entry.scenario, entry.hash),
        saveRubricSnapshot(rubric, rubricHash),
      ]);
    if (session.state.status !== 'ended') return persist();
    const id = await finishAttempt('finished'); // a scenario that ends before the first turn
    set({ phase: 'ended', attemptId: id ?? get().attemptId });
  };

  return {
    ...initial,
    open: async (scenarioId, trainee, locale) => {
      const seq = ++openSeq;
      set({ ...initial, phase: 'loading', scenarioId, trainee });
      const catalogue = await useCatalogue.getState().load();
      if (seq !== openSeq) return; // a newer open (navigation, StrictMode re-run) owns the store now
      if (!catalogue) return set({ phase: 'error', error: useCatalogue.getState().error });
      const entry = findEntry(catalogue, scenarioId);
      if (!entry) return set({ phase: 'missing' });
      const { rubric, rubricHash } = catalogue;
      set({ entry, rubric, rubricHash });
      if (isPreviewId(scenarioId)) return begin(entry, rubric, rubricHash, trainee, locale);

      const draft = await loadDraft();
      if (seq !== openSeq) return;
      if (draft && draft.state.scenarioId === scenarioId && draft.state.status === 'active') {
        if (draft.scenarioHash === entry.hash && draft.rubricHash === rubricHash) {
          const session = engineSetLocale(
            resume(entry.scenario, rubric, draft.state, { now: clock.now }),
            locale,
          );
          set({
            session,
            attemptId: draft.attemptId,
            trainee: draft.trainee,
            phase: 'playing',
            notices: ['resumed'],
            turnStartedAt: clock.now(),
          });
          return;
        }
        await abandonDraft(draft, rubric, clock.now());
        addNotice('scenario-changed');
      } else if (draft) {
        if (await abandonDraft(draft, rubric, clock.now())) addNotice('other-draft-closed');
      }
      await begin(entry, rubric, rubricHash, trainee, locale);
    },

    respond: async (answer) => {
      const { session, paused, turnStartedAt, phase } = get();
      if (!session || paused || phase !== 'playing') return;
      const input = { ...answer, msToAnswer: Math.max(0, clock.now() - turnStartedAt) } as TraineeInput;
      // The analyser's cue lists are fetched on the first typed reply, not with the scenario.
      const ready =
        'text' in input && !session.options.analyser ? withAnalyser(session, await loadAnalyser()) : session;
      if (get().session !== session) return; // the attempt moved on while the analyser loaded
      const step = engineRespond(ready, input);
      const rejected = step.effects.find((e) => e.type === 'rejected');
      if (rejected) return set({ rejected: rejected.reason });
      const ended = step.session.state.status === 'ended';
      set({
        session: step.session,
        rejected: null,
        turnStartedAt: clock.now(),
        phase: ended ? 'saving' : 'playing',
      });
      if (!ended) return persist();
      const id = await finishAttempt('finished');
      set({ phase: 'ended', attemptId: id ?? get().attemptId });
    },

    pause: () => {
      if (get().phase === 'playing' && !get().paused) set({ paused: true, pausedAt: clock.now() });
    },
    unpause: () => {
      const { paused, pausedAt, turnStartedAt } = get();
      if (!paused) return;
      set({
        paused: false,
        pausedAt: null,
        turnStartedAt: turnStartedAt + (clock.now() - (pausedAt ?? clock.now())),
      });
    },

    quit: async () => {
      if (get().phase !== 'playing') return null;
      set({ phase: 'saving' });
      const id = await finishAttempt('abandoned');
      set({ ...initial });
      return id;
    },

    restart: async () => {
      const { entry, rubric, rubricHash, trainee, session } = get();
      if (!entry || !rubric || !rubricHash || !trainee) return;
      // Starting over keeps the unfinished attempt as abandoned rather than silently dropping it.
      if (session && session.state.status === 'active' && session.state.turns.length > 0)
        await finishAttempt('abandoned');
      set({ notices: [], rejected: null, paused: false, pausedAt: null, error: null });
      await begin(entry, rubric, rubricHash, trainee, session?.options.locale ?? 'en');
    },

    setLocale: (locale) => {
      const { session } = get();
      if (session && session.options.locale !== locale) set({ session: engineSetLocale(session, locale) });
    },

    dismissNotice: (notice) => set((s) => ({ notices: s.notices.filter((n) => n !== notice) })),
    reset: () => set({ ...initial }),
  };
});
