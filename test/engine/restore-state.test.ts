import { restoreState } from '@/engine/runtime/restore-state';
import {
  MIN_SESSION_STATE_VERSION,
  SESSION_STATE_VERSION,
  respond,
  resume,
  start,
} from '@/engine/runtime/session';
import type { SessionState } from '@/engine/runtime/types';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const scenario = fakeCallbackCall();
const rubric = fakeCallbackRubric();

/** A saved state as play writes it: JSON round trip of a session part-way through. */
function savedState(seed?: number): Record<string, unknown> {
  let t = 1_000;
  const session = start(scenario, rubric, {
    locale: 'en',
    now: () => (t += 1000),
    ...(seed === undefined ? {} : { seed }),
  });
  const step = respond(session, { choice: 'greet-apologise', msToAnswer: 1200 });
  return JSON.parse(JSON.stringify(step.session.state)) as Record<string, unknown>;
}

/** What a v1 build saved: no display-order seed, no opening variant. */
function v1State(): Record<string, unknown> {
  const { seed: _seed, openingVariant: _variant, ...rest } = savedState();
  return { ...rest, stateVersion: 1 };
}

describe('restoreState', () => {
  it('reads the current version as it is, unmigrated', () => {
    const raw = savedState(7);
    const restored = restoreState(raw);
    expect(restored).toEqual({ ok: true, state: raw, migrated: false });
    if (!restored.ok) return;
    // The restored state resumes and plays on.
    const session = resume(scenario, rubric, restored.state, { now: () => 10_000 });
    expect(respond(session, { choice: 'promise' }).session.state.turns).toHaveLength(2);
  });

  it('the versions it checks against are the ones the engine writes', () => {
    expect(savedState().stateVersion).toBe(SESSION_STATE_VERSION);
    expect(MIN_SESSION_STATE_VERSION).toBeLessThanOrEqual(SESSION_STATE_VERSION);
  });

  it('refuses a state from a newer app, saying which version', () => {
    const restored = restoreState({ ...savedState(), stateVersion: SESSION_STATE_VERSION + 1 });
    expect(restored).toMatchObject({ ok: false, code: 'E_STATE_NEWER' });
    if (!restored.ok) expect(restored.message).toContain(String(SESSION_STATE_VERSION + 1));
  });

  it('refuses a state older than the oldest it reads', () => {
    const restored = restoreState({ ...v1State(), stateVersion: MIN_SESSION_STATE_VERSION - 1 });
    expect(restored).toMatchObject({ ok: false, code: 'E_STATE_TOO_OLD' });
    if (!restored.ok) expect(restored.message).toContain(String(MIN_SESSION_STATE_VERSION - 1));
  });

  it('migrates v1 to the current version: the authored order and the first opening line', () => {
    const raw = v1State();
    const restored = restoreState(raw);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.migrated).toBe(true);
    expect(restored.state.stateVersion).toBe(SESSION_STATE_VERSION);
    expect(restored.state.seed).toBeNull();
    expect(restored.state.openingVariant).toBe(0);
    // Everything else is carried over untouched, and the input is not mutated.
    const {
      seed: _s,
      openingVariant: _o,
      stateVersion: _v,
      ...rest
    } = restored.state as SessionState & Record<string, unknown>;
    const { stateVersion: _rv, ...carried } = raw;
    expect(rest).toEqual(carried);
    expect(raw.stateVersion).toBe(1);
    expect('seed' in raw).toBe(false);
    // And it resumes.
    const session = resume(scenario, rubric, restored.state, { now: () => 10_000 });
    expect(session.state.turns).toHaveLength(1);
  });

  it.each([
    ['null', null],
    ['a string', 'state'],
    ['an array', []],
    ['no stateVersion', { scenarioId: 'fake-callback-call' }],
    ['a string stateVersion', { stateVersion: '2' }],
    ['a fractional stateVersion', { stateVersion: 1.5 }],
  ])('refuses %s as a shape error', (_name, raw) => {
    expect(restoreState(raw)).toMatchObject({ ok: false, code: 'E_STATE_SHAPE' });
  });

  it.each([
    ['scenarioId', (s: Record<string, unknown>) => ({ ...s, scenarioId: 3 })],
    ['turns', (s: Record<string, unknown>) => ({ ...s, turns: 'none' })],
    ['flags', (s: Record<string, unknown>) => ({ ...s, flags: undefined })],
    ['promises', (s: Record<string, unknown>) => ({ ...s, promises: {} })],
    ['mood', (s: Record<string, unknown>) => ({ ...s, mood: [60, 40] })],
    ['status', (s: Record<string, unknown>) => ({ ...s, status: 'paused' })],
    ['seed', (s: Record<string, unknown>) => ({ ...s, seed: 1.5 })],
  ])('refuses a current-version state with a broken %s', (_field, edit) => {
    expect(restoreState(edit(savedState()))).toMatchObject({ ok: false, code: 'E_STATE_SHAPE' });
  });

  it('a v1 state missing a field is refused after migration, not resumed', () => {
    const { turns: _t, ...broken } = v1State();
    expect(restoreState(broken)).toMatchObject({ ok: false, code: 'E_STATE_SHAPE' });
  });
});
