import { replay } from '@/engine/runtime/session';
import type { TraineeInput, TurnRecord } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';
import { summariseResult } from '@/records/attempt-record';
import { loadDraft, saveDraft } from '@/records/drafts';
import {
  decodeSuspend,
  finishedValues,
  fitSuspend,
  inProgressValues,
  sessionTimeValue,
  type ScormVersion,
} from '@/records/scorm/scorm-data';
import { analyzerOptions } from './analyzer';
import { loadCatalogue } from './catalogue';
import type { usePlay } from './play-store';
import { rememberTabAttempt } from './tab-lock';
import { navigate, routeHref } from './route';
import { useTrainee } from './trainee-store';

// Composure as a SCORM SCO (`npm run build:scorm`): finds the LMS's API, takes the learner from it,
// resumes an attempt from cmi.suspend_data, writes suspend data after every turn and, on finish,
// the score, the status and the session time. Without an LMS API it does nothing.

export interface ScormApi {
  version: ScormVersion;
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
}

type Api12 = {
  LMSInitialize(s: ''): unknown;
  LMSGetValue(e: string): unknown;
  LMSSetValue(e: string, v: string): unknown;
  LMSCommit(s: ''): unknown;
  LMSFinish(s: ''): unknown;
};
type Api2004 = {
  Initialize(s: ''): unknown;
  GetValue(e: string): unknown;
  SetValue(e: string, v: string): unknown;
  Commit(s: ''): unknown;
  Terminate(s: ''): unknown;
};

const ok = (v: unknown) => v === true || v === 'true';

function wrap(api: Api12 | Api2004, version: ScormVersion): ScormApi {
  if (version === '1.2') {
    const a = api as Api12;
    return {
      version,
      initialize: () => ok(a.LMSInitialize('')),
      get: (e) => String(a.LMSGetValue(e) ?? ''),
      set: (e, v) => ok(a.LMSSetValue(e, v)),
      commit: () => ok(a.LMSCommit('')),
      finish: () => ok(a.LMSFinish('')),
    };
  }
  const a = api as Api2004;
  return {
    version,
    initialize: () => ok(a.Initialize('')),
    get: (e) => String(a.GetValue(e) ?? ''),
    set: (e, v) => ok(a.SetValue(e, v)),
    commit: () => ok(a.Commit('')),
    finish: () => ok(a.Terminate('')),
  };
}

/** The ADL search: this window, its parents (up to 10) and the opener's, 2004 first. */
export function findScormApi(start: Window | null = globalThis.window ?? null): ScormApi | null {
  const look = (w: Window | null): ScormApi | null => {
    for (let depth = 0; w && depth < 10; depth += 1) {
      try {
        const candidate = w as unknown as { API_1484_11?: Api2004; API?: Api12 };
        if (candidate.API_1484_11 && typeof candidate.API_1484_11.Initialize === 'function')
          return wrap(candidate.API_1484_11, '2004');
        if (candidate.API && typeof candidate.API.LMSInitialize === 'function')
          return wrap(candidate.API, '1.2');
      } catch {
        return null; // another origin's window: not ours to search
      }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  return look(start) ?? look(start?.opener ?? null);
}

const toInput = (turn: TurnRecord): TraineeInput => {
  const { msToAnswer, ...rest } = turn.input;
  const timing = msToAnswer === undefined ? {} : { msToAnswer };
  if ('silence' in rest) return { silence: true, ...timing };
  if ('text' in rest) return { text: rest.text, ...timing };
  return { choice: rest.choice, ...timing };
};

type PlayStore = typeof usePlay;
type PlayState = ReturnType<PlayStore['getState']>;

let api: ScormApi | null = null;
let sessionStart = 0;
let closed = false;
let writtenTurns = new Map<string, number>();

function write(values: Array<[string, string]>) {
  if (!api || closed) return;
  for (const [element, value] of values) api.set(element, value);
  api.commit();
}

function onPlay(state: PlayState, previous: PlayState) {
  const { session, attemptId, entry, rubricHash } = state;
  if (!api || closed || !session || !attemptId || !entry || !rubricHash) return;
  const turns = session.state.turns.length;
  if (state.phase === 'ended' && previous.phase !== 'ended') {
    const result = summariseResult(scoreSession(session));
    write(finishedValues(api.version, result, Date.now() - sessionStart));
    closed = api.finish();
    return;
  }
  if (session.state.status !== 'active' || writtenTurns.get(attemptId) === turns) return;
  writtenTurns.set(attemptId, turns);
  const suspend = fitSuspend(
    {
      attemptId,
      scenarioId: entry.scenario.id,
      scenarioHash: entry.hash,
      rubricHash,
      seed: session.state.seed,
      startedAt: session.state.startedAt,
      locale: session.state.locale,
      inputs: session.state.turns.map(toInput),
    },
    api.version,
  );
  write(inProgressValues(api.version, suspend));
}

/**
 * Rebuilds the suspended attempt as a local draft (unless this device still has it), so Play
 * resumes it exactly as a reload on the same device would. False when it cannot be resumed here
 * (another package version): Play then starts afresh.
 */
async function restore(text: string, trainee: { id: string; name: string }): Promise<string | null> {
  const suspended = decodeSuspend(text);
  if (!suspended) return null;
  // Play resumes this tab's own attempt first: the suspended one, not another draft of this device.
  rememberTabAttempt(suspended.attemptId);
  if (await loadDraft(suspended.attemptId)) return suspended.scenarioId;
  const catalogue = await loadCatalogue().catch(() => null);
  const entry = catalogue?.entries.find((e) => e.scenario.id === suspended.scenarioId);
  if (
    !catalogue ||
    !entry ||
    entry.hash !== suspended.scenarioHash ||
    catalogue.rubricHash !== suspended.rubricHash
  )
    return null;
  const session = replay(entry.scenario, catalogue.rubric, suspended.inputs, {
    locale: suspended.locale,
    now: () => Date.now(),
    ...(suspended.seed !== null ? { seed: suspended.seed } : {}),
    ...(await analyzerOptions(suspended.inputs)),
  });
  if (session.state.turns.length !== suspended.inputs.length || session.state.status !== 'active')
    return null;
  const saved = await saveDraft({
    attemptId: suspended.attemptId,
    trainee,
    scenarioHash: entry.hash,
    rubricHash: catalogue.rubricHash,
    state: { ...session.state, startedAt: suspended.startedAt },
    savedAt: Date.now(),
  });
  return saved.ok ? suspended.scenarioId : null;
}

/** Started by the SCORM build's shell. Resolves once the LMS is initialised and the right page is open. */
export async function startScorm(win: Window = window): Promise<ScormVersion | null> {
  api = findScormApi(win);
  if (!api || !api.initialize()) {
    api = null;
    return null;
  }
  sessionStart = Date.now();
  closed = false;
  writtenTurns = new Map();
  const v12 = api.version === '1.2';
  const id = api.get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id') || 'scorm-learner';
  const name = api.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name') || id;
  const trainee = useTrainee.getState().setTrainee(name, id);

  const resumed = await restore(api.get('cmi.suspend_data'), trainee);
  const requested = new URLSearchParams(win.location.search).get('scenario');
  const scenarioId = resumed ?? (requested && /^[a-z0-9][a-z0-9-]{0,63}$/.test(requested) ? requested : null);
  if (scenarioId) navigate(routeHref.play(scenarioId));

  const { usePlay } = await import('./play-store');
  usePlay.subscribe(onPlay);
  // Leaving mid-attempt: the LMS keeps the suspend data and the time spent; the attempt resumes next launch.
  win.addEventListener('pagehide', () => {
    if (!api || closed) return;
    write([sessionTimeValue(api.version, Date.now() - sessionStart)]);
    closed = api.finish();
  });
  return api.version;
}
