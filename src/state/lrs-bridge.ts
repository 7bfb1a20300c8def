import { getAttempt, getRubricSnapshot, getScenarioSnapshot, listAttempts } from '@/records/attempts';
import { toRecordTurn } from '@/records/attempt-record';
import {
  initializedStatement,
  respondedStatement,
  statementsForRecord,
  type AttemptStatementContext,
} from '@/records/xapi/statements';
import type { XapiStatement } from '@/records/xapi/types';
import { isPreviewId, loadCatalogue } from './catalogue';
import { actorFor, currentTarget, flushNow, outbox, watchConnectivity } from './lrs-outbox';
import type { usePlay } from './play-store';

// Sends attempts to the LRS as they are played, without the play store knowing: it watches the store,
// queues `initialized` when an attempt starts and a `responded` for each turn as it is taken, and,
// once the attempt is saved, queues every statement of the stored record (the same ids, so only the
// closing ones are new). A sweep at start-up catches whatever a closed tab left unqueued.

type PlayStore = typeof usePlay;
type PlayState = ReturnType<PlayStore['getState']>;

const queuedTurns = new Map<string, number>();
let sweeping: Promise<void> | null = null;
let sweepAgain = false;

function liveContext(state: PlayState): AttemptStatementContext | null {
  const { session, entry, rubric, rubricHash, attemptId, trainee } = state;
  const target = currentTarget();
  if (!target || !session || !entry || !rubric || !rubricHash || !attemptId || !trainee) return null;
  if (isPreviewId(state.scenarioId) || session.state.startedAt < target.since) return null;
  const actor = target.actor ?? (target.settings ? actorFor(target.settings, trainee) : null);
  if (!actor) return null;
  return {
    attemptId,
    actor,
    scenario: entry.scenario,
    scenarioHash: entry.hash,
    rubric: { id: rubric.id, hash: rubricHash },
    locale: session.state.locale,
    seed: session.state.seed,
    startedAt: session.state.startedAt,
    trainee: { id: trainee.id.slice(0, 100), name: trainee.name.slice(0, 200) },
    ...(target.cmi5 ? { cmi5: target.cmi5 } : {}),
  };
}

async function enqueue(statements: XapiStatement[]): Promise<void> {
  if (!statements.length) return;
  const { outbox: box } = await outbox();
  if ((await box.enqueue(statements, currentTarget()?.connection.endpoint)) > 0) void flushNow();
}

/**
 * Under cmi5 one launch is one session: after its attempt is terminated the AU sends nothing more, so
 * only the first attempt of the launch is reported (a replay in the same window stays local).
 */
let cmi5Attempt: string | null = null;
const reportable = (attemptId: string) => {
  if (!currentTarget()?.cmi5) return true;
  cmi5Attempt ??= attemptId;
  return cmi5Attempt === attemptId;
};

function onPlay(state: PlayState, previous: PlayState): void {
  const ctx = liveContext(state);
  if (ctx && state.session && reportable(ctx.attemptId)) {
    const turns = state.session.state.turns;
    const done = queuedTurns.get(ctx.attemptId);
    const fresh: XapiStatement[] = [];
    if (done === undefined) fresh.push(initializedStatement(ctx));
    for (let i = done ?? 0; i < turns.length; i += 1)
      fresh.push(respondedStatement(ctx, i, toRecordTurn(turns[i]!), turns[i]!));
    queuedTurns.set(ctx.attemptId, turns.length);
    void enqueue(fresh);
  }
  // Saved: an ending reached, or the trainee quit (the store resets after saving the record).
  const ended = state.phase === 'ended' && previous.phase !== 'ended';
  const quit = previous.phase === 'saving' && state.phase === 'idle';
  if (ended || quit) void sweep();
}

/** Queues every statement of each stored attempt that finished since the LRS was configured and was not queued yet. */
export function sweep(): Promise<void> {
  if (sweeping) {
    sweepAgain = true;
    return sweeping;
  }
  sweeping = (async () => {
    do {
      sweepAgain = false;
      await sweepOnce();
    } while (sweepAgain);
  })().finally(() => {
    sweeping = null;
  });
  return sweeping;
}

async function sweepOnce(): Promise<void> {
  const target = currentTarget();
  if (!target) return;
  const { outbox: box } = await outbox();
  const rows = (await listAttempts()).filter((r) => r.finishedAt >= target.since);
  let catalogue: Awaited<ReturnType<typeof loadCatalogue>> | null = null;
  for (const row of rows) {
    if (await box.store.isClosed(row.id)) continue;
    if (!reportable(row.id)) continue;
    const record = await getAttempt(row.id);
    if (!record) continue;
    const actor = target.actor ?? (target.settings ? actorFor(target.settings, record.trainee) : null);
    if (!actor) continue;
    let scenario = await getScenarioSnapshot(record.scenario.contentHash);
    let rubric = await getRubricSnapshot(record.rubric.hash);
    if (!scenario || !rubric) {
      catalogue ??= await loadCatalogue().catch(() => null);
      scenario ??= catalogue?.entries.find((e) => e.hash === record.scenario.contentHash)?.scenario ?? null;
      rubric ??= catalogue?.rubricHash === record.rubric.hash ? catalogue.rubric : null;
    }
    if (!scenario || !rubric) continue; // cannot say what was shown: left for when the snapshot is back
    await box.enqueue(
      statementsForRecord(record, scenario, rubric, { actor, ...(target.cmi5 ? { cmi5: target.cmi5 } : {}) }),
      target.connection.endpoint,
    );
    await box.store.close(record.id);
  }
  await flushNow();
}

let started = false;

/** Starts watching play and sends what is waiting. Loaded by the app shell only when an LRS is configured. */
export async function startLrsBridge(): Promise<void> {
  if (started) return;
  started = true;
  watchConnectivity();
  void sweep();
  // Imported, not bundled with the bridge: the play store stays in the play view's chunk.
  const { usePlay } = await import('./play-store');
  usePlay.subscribe(onPlay);
  onPlay(usePlay.getState(), usePlay.getState());
}
