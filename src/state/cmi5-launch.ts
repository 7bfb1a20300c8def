import { create } from 'zustand';
import { getState } from '@/records/xapi/client';
import {
  fetchAuthToken,
  parseCmi5Launch,
  readLaunchData,
  type Cmi5LaunchProblem,
  type FetchTokenResult,
} from '@/records/xapi/cmi5';
import { uuidV5 } from '@/records/xapi/uuid';
import { STATEMENT_ID_NAMESPACE } from '@/records/xapi/vocabulary';
import { setLaunchTarget } from './lrs-outbox';
import { navigate, routeHref } from './route';
import { useTrainee } from './trainee-store';

// Opened by a cmi5 LMS: parse the launch, fetch the token once, read LMS.LaunchData (which scenario),
// point the outbox at the LMS's LRS as the launched actor, and open the scenario. Anything wrong is
// kept here for the launch panel to show.

export type LaunchState =
  | { status: 'idle' }
  | { status: 'launching' }
  | { status: 'invalid'; problems: Cmi5LaunchProblem[] }
  | { status: 'token-failed'; problem: Extract<FetchTokenResult, { ok: false }>['problem']; detail: string }
  | { status: 'launch-data-failed'; detail: string }
  | {
      status: 'ready';
      scenarioId: string | null;
      returnURL: string | null;
      launchMode: 'Normal' | 'Browse' | 'Review';
    };

export const useCmi5 = create<LaunchState>(() => ({ status: 'idle' }));

/** Runs the launch for `search` (location.search); returns the final state. */
export async function launchCmi5(
  search: string,
  run: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<LaunchState> {
  const finish = (state: LaunchState) => {
    useCmi5.setState(state, true);
    return state;
  };
  useCmi5.setState({ status: 'launching' }, true);
  const parsed = parseCmi5Launch(search);
  if (!parsed.ok) return finish({ status: 'invalid', problems: parsed.problems });
  const { launch } = parsed;

  const token = await fetchAuthToken(launch.fetch, run);
  if (!token.ok) return finish({ status: 'token-failed', problem: token.problem, detail: token.detail });
  const connection = { endpoint: launch.endpoint, authorization: `Basic ${token.token}`, fetch: run };

  const raw = await getState(connection, {
    activityId: launch.activityId,
    agent: launch.actor,
    registration: launch.registration,
    stateId: 'LMS.LaunchData',
  });
  if (!raw.ok) return finish({ status: 'launch-data-failed', detail: raw.error.message });
  // cmi5 requires the LMS to write it; an LMS that did not still gets the attempt, in Normal mode.
  const data = readLaunchData(raw.value);
  const sessionId =
    data?.sessionId ?? uuidV5(`${launch.registration}/${launch.fetch}`, STATEMENT_ID_NAMESPACE);

  setLaunchTarget({
    connection,
    actor: launch.actor,
    since: Date.now(),
    cmi5: {
      activityId: launch.activityId,
      registration: launch.registration,
      sessionId,
      ...(data?.masteryScore !== undefined ? { masteryScore: data.masteryScore } : {}),
      launchMode: data?.launchMode ?? 'Normal',
      ...(data?.contextTemplate ? { contextTemplate: data.contextTemplate } : {}),
    },
  });
  // The LMS knows who this is: no name form.
  const name = launch.actor.name ?? launch.actor.account.name;
  useTrainee.getState().setTrainee(name, launch.actor.account.name);
  const { startLrsBridge } = await import('./lrs-bridge');
  await startLrsBridge();
  const scenarioId = data?.scenarioId ?? null;
  if (scenarioId) navigate(routeHref.play(scenarioId));
  return finish({
    status: 'ready',
    scenarioId,
    returnURL: data?.returnURL ?? null,
    launchMode: data?.launchMode ?? 'Normal',
  });
}
