import { loadAnalyzer, withAnalyzer } from './analyzer';
import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import {
  respond as engineRespond,
  resume,
  setLocale as engineSetLocale,
  start,
} from '@/engine/runtime/session';
import { turnEstimate } from '@/engine/runtime/turn-estimate';
import type { Effect, Session, TraineeInput } from '@/engine/runtime/types';
import { buildAttemptRecord, type AttemptRecord, type RecordResult } from '@/records/attempt-record';
import { saveAttempt, saveRubricSnapshot, saveScenarioSnapshot } from '@/records/attempts';
import type { StorageKind } from '@/records/backend';
import { deleteDraft, listDrafts, saveDraft, type Draft } from '@/records/drafts';
import { onStorageLost, storageFallbackReason, storageStatus, type RecordsError } from '@/records/storage';
import {
  findEntry,
  isPreviewId,
  keepPlayedPreview,
  loadCatalogueFor,
  previewStart,
  useCatalogue,
  type CatalogueEntry,
} from './catalogue';
import { rememberTabAttempt, tabLocks } from './tab-lock';
import type { Trainee } from './trainee-store';

export type PlayNotice =
  'resumed' | 'scenario-changed' | 'other-draft-closed' | 'open-elsewhere' | 'memory-only' | 'storage-failed';
export type RejectReason = Extract<Effect, { type: 'rejected' }>['reason'];
type Answer = { choice: string } | { text: string } | { silence: true };

/**
 * A finished (or abandoned) attempt that could not be stored: kept in memory for as long as the page
 * lives (across scenarios), offered as a file, and stored as soon as a retry succeeds.
 */
export interface UnsavedAttempt {
  record: AttemptRecord;
  scenario: Scenario;
  rubric: Rubric;
  /** Why it could not be stored, last time it was tried. */
  error: RecordsError;
}

interface PlayStore {
  phase: 'idle' | 'loading' | 'missing' | 'playing' | 'saving' | 'ended' | 'error';
  scenarioId: string | null;
  entry: CatalogueEntry | null;
  rubric: Rubric | null;
  rubricHash: string | null;
  session: Session | null;
  /** The attempt being played: this tab holds its lock. */
  attemptId: string | null;
  /** Set only once the attempt's record is stored: the debrief exists. */
  savedAttemptId: string | null;
  /** The finished attempt's result as its record has it: the ending says passed or not first. */
  result: RecordResult | null;
  trainee: Trainee | null;
  notices: PlayNotice[];
  rejected: RejectReason | null;
  /** Why the catalogue could not be loaded (phase `error`). */
  error: string | null;
  /** The last failed save of this attempt's draft (shown with the `storage-failed` notice). */
  draftError: RecordsError | null;
  /** Attempts this page could not store, newest last. The tab keeps their locks until they are stored. */
  unsaved: UnsavedAttempt[];
  storage: StorageKind;
  /** Why storage is memory-only (the browser's error), for the notice. */
  storageReason: string | null;
  paused: boolean;
  /**
   * A new attempt waits on its briefing until the trainee starts the call (`startCall`); a resumed
   * draft does not, nor does an attempt that ended before its first turn.
   */
  briefing: boolean;
  /** When the current turn was shown, shifted forward by time spent paused, for `msToAnswer`. */
  turnStartedAt: number;
  pausedAt: number | null;
  open: (scenarioId: string, trainee: Trainee, locale: string) => Promise<void>;
  respond: (answer: Answer) => Promise<void>;
  /** Leaves the briefing: the attempt's clock starts now, not when the briefing was shown. */
  startCall: () => void;
  pause: () => void;
  unpause: () => void;
  /** Stores the attempt as abandoned. `saved: false` means it is kept here (download, retry) instead. */
  quit: () => Promise<{ saved: boolean; id: string | null }>;
  restart: () => Promise<void>;
  /** Tries again to store the attempts that could not be saved; true when none is left. */
  retrySave: () => Promise<boolean>;
  /**
   * Downloads attempts as one attempt bundle (the file Review imports): the unsaved ones, or this
   * tab's stored one (offered when storage is memory-only, where the record vanishes with the tab).
   */
  download: (which: 'unsaved' | 'saved') => Promise<void>;
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
  savedAttemptId: null,
  result: null,
  trainee: null,
  notices: [] as PlayNotice[],
  unsaved: [] as UnsavedAttempt[],
  rejected: null,
  error: null,
  draftError: null,
  storage: 'indexeddb' as StorageKind,
  storageReason: null,
  paused: false,
  briefing: false,
  turnStartedAt: 0,
  pausedAt: null,
};

/** Injected so tests can drive time; the engine gets the same clock. */
export const clock = { now: () => Date.now() };

/**
 * A turn is shown once its draft is stored, so what the trainee sees answered survives the tab
 * dying. A store that takes longer than this (a stalled disk) does not hold the conversation up.
 */
export const SAVE_WAIT_MS = 2000;

/** Play's rare paths (sorting out stored drafts, files of attempts), loaded when first needed. */
const recovery = () => import('./play-recovery');

/**
 * This trainee's unfinished attempts at other scenarios that opening `scenarioId` would store as
 * abandoned (`sortDrafts` closes the free ones): Play asks before it opens. Drafts another tab is
 * playing are left alone by the open, so they are not asked about.
 */
export async function draftsToAbandon(scenarioId: string, traineeId: string): Promise<Draft[]> {
  if (isPreviewId(scenarioId)) return [];
  const others = (await listDrafts()).filter(
    (d) => d.trainee.id === traineeId && d.state.status === 'active' && d.state.scenarioId !== scenarioId,
  );
  const free: Draft[] = [];
  const own = usePlay.getState().attemptId;
  for (const draft of others) {
    if (draft.attemptId === own || (await tabLocks().claim(draft.attemptId))) {
      free.push(draft);
      // Only asking: the open that follows claims it again (or another tab may).
      if (draft.attemptId !== own) tabLocks().release(draft.attemptId);
    }
  }
  return free;
}

/** "Turn 4 of about 12" for the attempt on screen, aiming at the endings the rubric does not fail. */
export const callProgress = (session: Session, rubric: Rubric | null) =>
  turnEstimate(session.scenario, session.state, rubric?.failOutcomes);

let openSeq = 0;
/** True while an answer is being stored: a second key press must not answer the same turn twice. */
let answering = false;

export const usePlay = create<PlayStore>((set, get) => {
  // A trainer's preview (Author view) is never persisted: no draft, no snapshots, no attempt record,
  // so it cannot close a trainee's unfinished attempt nor show up in Review.
  const previewing = () => isPreviewId(get().scenarioId);
  const addNotice = (notice: PlayNotice) =>
    set((s) => ({ notices: s.notices.includes(notice) ? s.notices : [...s.notices, notice] }));
  const dropNotice = (notice: PlayNotice) =>
    set((s) => (s.notices.includes(notice) ? { notices: s.notices.filter((n) => n !== notice) } : {}));
  const noteStorage = () => {
    const storage = storageStatus();
    if (storage !== get().storage) set({ storage, storageReason: storageFallbackReason() });
    if (storage === 'memory') addNotice('memory-only');
  };

  /** The newest state of this attempt handed to `persist` (reset by `own`): what a rewrite must save. */
  let newest: Session | null = null;

  /** Saves the draft of `session` (by default the current one). True when it is stored. */
  const persist = async (session: Session | null = get().session): Promise<boolean> => {
    if (previewing()) return true;
    newest = session;
    const { entry, rubricHash, attemptId, trainee } = get();
    if (!session || !entry || !rubricHash || !attemptId || !trainee) return false;
    const saved = await saveDraft({
      attemptId,
      trainee,
      scenarioHash: entry.hash,
      rubricHash,
      state: session.state,
      savedAt: clock.now(),
    });
    if (get().attemptId !== attemptId) return saved.ok; // the tab moved on meanwhile
    noteStorage();
    if (saved.ok) {
      if (get().draftError) set({ draftError: null });
      dropNotice('storage-failed');
    } else {
      set({ draftError: saved.error });
      addNotice('storage-failed');
    }
    return saved.ok;
  };

  // Storage cleared under the page, or another tab upgraded the database: write the draft again at
  // once (which reopens the connection) rather than at the next answer.
  onStorageLost(() => {
    // An answer being stored right now is newer than what is on screen: write that one.
    if (get().phase === 'playing') void persist(newest);
  });

  /**
   * Stores the record with its snapshots and deletes its draft in the same transaction. On failure the
   * record is kept in memory (download, retry) and the draft stays where it was.
   */
  const store = async (attempt: Omit<UnsavedAttempt, 'error'>): Promise<boolean> => {
    const { record, scenario, rubric } = attempt;
    const saved = await saveAttempt(record, {
      scenario: { hash: record.scenario.contentHash, scenario },
      rubric: { hash: record.rubric.hash, rubric },
      deleteDraft: true,
    });
    noteStorage();
    const others = get().unsaved.filter((u) => u.record.id !== record.id);
    if (!saved.ok) {
      set({ unsaved: [...others, { ...attempt, error: saved.error }] });
      return false;
    }
    set({ unsaved: others });
    if (get().attemptId === record.id) set({ savedAttemptId: record.id });
    // Stored, and its draft gone with it: nothing is left for any tab to hold.
    tabLocks().release(record.id);
    return true;
  };

  const finishAttempt = async (status: 'finished' | 'abandoned'): Promise<boolean> => {
    const { session, entry, rubric, rubricHash, attemptId, trainee } = get();
    if (!session || !entry || !rubric || !rubricHash || !attemptId || !trainee) return false;
    const preview = previewing() ? get().scenarioId! : null;
    const record = buildAttemptRecord({
      // A preview's debrief is found under the preview's id, in memory.
      attemptId: preview ?? attemptId,
      trainee,
      session,
      scenarioHash: entry.hash,
      rubricHash,
      status,
      finishedAt: clock.now(),
    });
    if (status === 'finished') set({ result: record.result });
    if (preview) {
      // Never stored (no record, no coaching figure): kept in memory for its debrief only.
      const from = previewStart(preview).startAt?.node ?? null;
      if (status === 'finished') keepPlayedPreview(preview, { record, session, from });
      set({ attemptId: null, savedAttemptId: status === 'finished' ? preview : null });
      return false;
    }
    return store({ record, scenario: entry.scenario, rubric });
  };

  /** Lets another tab take over an attempt this tab leaves, unless it is still waiting to be stored. */
  const letGo = (attemptId: string | null) => {
    if (attemptId && !get().unsaved.some((u) => u.record.id === attemptId)) tabLocks().release(attemptId);
  };

  /** Takes the attempt this tab will play (already claimed): the previous one let go, remembered for a reload. */
  const own = (attemptId: string) => {
    const previous = get().attemptId;
    if (previous !== attemptId) letGo(previous);
    newest = null;
    if (!previewing()) rememberTabAttempt(attemptId);
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
    let session: Session;
    try {
      session = start(entry.scenario, rubric, {
        locale,
        now: clock.now,
        seed,
        ...previewStart(get().scenarioId),
      });
    } catch (error) {
      // Only a preview's "play from here" can be refused (a node the draft no longer has).
      return set({ phase: 'error', error: error instanceof Error ? error.message : String(error) });
    }
    const attemptId = crypto.randomUUID();
    if (!previewing()) await tabLocks().claim(attemptId); // a new id: nobody else can hold it
    own(attemptId);
    set({
      session,
      attemptId,
      savedAttemptId: null,
      phase: session.state.status === 'ended' ? 'saving' : 'playing',
      briefing: session.state.status !== 'ended',
      turnStartedAt: clock.now(),
      trainee,
    });
    // Snapshots pin the exact versions so the record can be replayed after the files change.
    if (!previewing())
      await Promise.all([
        saveScenarioSnapshot(entry.scenario, entry.hash),
        saveRubricSnapshot(rubric, rubricHash),
      ]);
    if (session.state.status !== 'ended') {
      await persist();
      return;
    }
    await finishAttempt('finished'); // a scenario that ends before the first turn
    set({ phase: 'ended' });
  };

  return {
    ...initial,
    open: async (scenarioId, trainee, locale) => {
      const seq = ++openSeq;
      const { attemptId: previous, unsaved } = get();
      // Leaving an attempt (another scenario, or Play reopened) lets other tabs take it over.
      letGo(previous);
      // Attempts that could not be stored stay with the page, whatever it plays next.
      set({ ...initial, unsaved, phase: 'loading', scenarioId, trainee });
      if (unsaved.length) await get().retrySave();
      if (seq !== openSeq) return;
      // Only this scenario's file is fetched; drafts of others (rare) fetch the rest below.
      const { catalogue, error } = await loadCatalogueFor(scenarioId);
      if (seq !== openSeq) return; // a newer open (navigation, StrictMode re-run) owns the store now
      if (!catalogue) return set({ phase: 'error', error });
      const entry = findEntry(catalogue, scenarioId);
      if (!entry) return set({ phase: 'missing' });
      const { rubric, rubricHash } = catalogue;
      set({ entry, rubric, rubricHash });
      if (isPreviewId(scenarioId)) return begin(entry, rubric, rubricHash, trainee, locale);

      const drafts = (await listDrafts()).filter(
        (d) => d.trainee.id === trainee.id || d.state.status === 'ended',
      );
      if (seq !== openSeq) return;
      // Most visits find none: the code that sorts drafts out loads only when there are some. If it
      // cannot load, they stay stored for a later visit and this one starts afresh.
      const draft = drafts.length
        ? await recovery()
            .then(async ({ sortDrafts }) =>
              sortDrafts(drafts, {
                scenarioId,
                entry,
                // Closing another scenario's draft scores it on that scenario: fetch them all then.
                catalogue: drafts.some((d) => d.state.scenarioId !== scenarioId)
                  ? ((await useCatalogue.getState().load()) ?? catalogue)
                  : catalogue,
                rubric,
                rubricHash,
                now: clock.now(),
                current: () => seq === openSeq,
                notice: addNotice,
              }),
            )
            .catch(() => null)
        : null;
      if (seq !== openSeq) return;
      noteStorage();
      if (draft) {
        const session = engineSetLocale(
          resume(entry.scenario, rubric, draft.state, { now: clock.now }),
          locale,
        );
        own(draft.attemptId);
        set({
          session,
          attemptId: draft.attemptId,
          trainee: draft.trainee,
          phase: 'playing',
          notices: ['resumed', ...get().notices],
          turnStartedAt: clock.now(),
        });
        return;
      }
      await begin(entry, rubric, rubricHash, trainee, locale);
    },

    respond: async (answer) => {
      const { session, paused, turnStartedAt, phase } = get();
      if (!session || paused || phase !== 'playing' || answering) return;
      const input = { ...answer, msToAnswer: Math.max(0, clock.now() - turnStartedAt) } as TraineeInput;
      answering = true;
      try {
        // The analyzer's cue lists are fetched on the first typed reply, not with the scenario.
        const ready =
          'text' in input && !session.options.analyzer
            ? withAnalyzer(session, await loadAnalyzer())
            : session;
        if (get().session !== session) return; // the attempt moved on while the analyzer loaded
        const step = engineRespond(ready, input);
        const rejected = step.effects.find((e) => e.type === 'rejected');
        if (rejected) return set({ rejected: rejected.reason });
        // Stored before it is shown: an answer on screen is an answer that survives the tab dying.
        // The ending too, so a page that dies before the record is written still finishes it.
        await Promise.race([persist(step.session), new Promise((wait) => setTimeout(wait, SAVE_WAIT_MS))]);
        if (get().session !== session) return; // reset or reopened while saving
        const ended = step.session.state.status === 'ended';
        set({
          session: step.session,
          rejected: null,
          turnStartedAt: clock.now(),
          phase: ended ? 'saving' : 'playing',
        });
        if (!ended) return;
        await finishAttempt('finished');
        if (get().session === step.session) set({ phase: 'ended' });
      } finally {
        answering = false;
      }
    },

    startCall: () => {
      const { briefing, session, phase } = get();
      if (!briefing || !session) return;
      // Time spent reading the briefing is not time on the call: with nothing answered yet, the
      // attempt starts again now, with the same display order.
      const fresh =
        phase === 'playing' && session.state.turns.length === 0
          ? start(session.scenario, session.rubric, {
              locale: session.options.locale,
              now: clock.now,
              seed: session.state.seed ?? undefined,
              ...previewStart(get().scenarioId),
            })
          : session;
      // Not stored here: a write racing the first answer's could land last and lose that answer.
      // The first answer stores the whole state, this start time with it.
      set({ briefing: false, session: fresh, turnStartedAt: clock.now() });
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
      if (get().phase !== 'playing') return { saved: false, id: null };
      const id = get().attemptId;
      set({ phase: 'saving' });
      if (previewing()) {
        set({ ...initial });
        return { saved: true, id: null };
      }
      if (!(await finishAttempt('abandoned'))) {
        // Kept: the play view shows why, with the download and a retry.
        set({ phase: 'playing' });
        return { saved: false, id };
      }
      set({ ...initial });
      return { saved: true, id };
    },

    restart: async () => {
      const { entry, rubric, rubricHash, trainee, session } = get();
      if (!entry || !rubric || !rubricHash || !trainee) return;
      // Starting over keeps the unfinished attempt as abandoned rather than silently dropping it.
      const { attemptId } = get();
      if (!previewing() && session?.state.status === 'active' && session.state.turns.length > 0) {
        if (!(await finishAttempt('abandoned'))) return; // kept, with its download, until it is stored
      } else if (!previewing() && attemptId && session?.state.status === 'active') {
        await deleteDraft(attemptId); // nothing answered yet: nothing to keep
      }
      set({ notices: [], rejected: null, paused: false, pausedAt: null, error: null });
      await begin(entry, rubric, rubricHash, trainee, session?.options.locale ?? 'en');
      noteStorage();
    },

    retrySave: async () => {
      for (const attempt of get().unsaved) await store(attempt);
      return get().unsaved.length === 0;
    },

    download: async (which) => {
      const { unsaved, savedAttemptId } = get();
      const files = await recovery();
      if (which === 'saved') await files.downloadStored(savedAttemptId!);
      else files.downloadAttempts(unsaved);
    },

    setLocale: (locale) => {
      const { session } = get();
      if (session && session.options.locale !== locale) set({ session: engineSetLocale(session, locale) });
    },

    dismissNotice: (notice) => set((s) => ({ notices: s.notices.filter((n) => n !== notice) })),
    /** What a reload does to memory (tests): everything goes, unsaved attempts included. */
    reset: () => {
      answering = false;
      set({ ...initial, unsaved: [] });
    },
  };
});
