import { describe, expect, it } from 'vitest';
import { displayOrder, shownResponses } from '@/engine/runtime/display-order';
import { replay, respond, start } from '@/engine/runtime/session';
import { buildAttemptRecord } from '@/records/attempt-record';
import { verifyRecord } from '@/records/verify';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

describe('seeded display order', () => {
  it('gives the same order for the same seed and node, and a permutation of every response', () => {
    const a = displayOrder(12345, 'opening', 4);
    expect(displayOrder(12345, 'opening', 4)).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3]);
  });

  it('varies with the seed and the node, and keeps the authored order for a null seed', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 50; seed += 1) orders.add(displayOrder(seed, 'opening', 4).join(''));
    expect(orders.size).toBeGreaterThan(10);
    const byNode = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => displayOrder(7, n, 4).join('')));
    expect(byNode.size).toBeGreaterThan(1);
    expect(displayOrder(null, 'opening', 4)).toEqual([0, 1, 2, 3]);
  });

  it('is stored in the session and survives resume, replay and verification', () => {
    const scenario = fakeCallbackCall();
    const rubric = fakeCallbackRubric();
    const session = start(scenario, rubric, { now: () => 5, seed: 99 });
    expect(session.state.seed).toBe(99);
    const shown = shownResponses(scenario.nodes.opening!.responses!, session.state.seed, 'opening');
    const played = respond(session, { choice: shown[0]!.id }).session;
    const again = replay(scenario, rubric, [{ choice: shown[0]!.id }], { now: () => 5, seed: 99 });
    expect(again.state.seed).toBe(99);
    expect(again.state.turns.map((t) => t.responseId)).toEqual(played.state.turns.map((t) => t.responseId));
    const record = buildAttemptRecord({
      trainee: { id: 't', name: 'T' },
      session: played,
      scenarioHash: 'abcdef12',
      rubricHash: 'abcdef12',
      status: 'abandoned',
    });
    expect(record.seed).toBe(99);
    const verified = verifyRecord(record, scenario, rubric);
    expect(verified.verification).toBe('verified');
    expect(verified.session?.state.seed).toBe(99);
  });
});
