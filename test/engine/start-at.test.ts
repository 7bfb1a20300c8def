import { describe, expect, it } from 'vitest';
import { replay, respond, start } from '@/engine/runtime/session';
import { startAtProblem } from '@/engine/runtime/start-at';
import { fakeCallbackCall, fakeCallbackRubric } from '../fakes/callback-call';

const now = () => 1000;
const begin = (startAt: Parameters<typeof startAtProblem>[1]) =>
  start(fakeCallbackCall(), fakeCallbackRubric(), { now, locale: 'en', startAt });

describe('start at a node (play from here)', () => {
  it('starts on the named node with the chosen mood, keeping the scenario mood it does not override', () => {
    const { state } = begin({ node: 'facts', mood: { anger: 20 } });
    expect(state).toMatchObject({ node: 'facts', status: 'active', mood: { anger: 20, trust: 40 } });
    expect(state.moodCurve).toEqual([{ anger: 20, trust: 40 }]);
    expect(state.turns).toEqual([]);
    expect(state.openingRoute).toEqual(['facts']);
  });

  it("follows the node's automatic branches with the chosen mood", () => {
    // facts sends a customer at anger 90 or more straight to the regulator.
    const { state } = begin({ node: 'facts', mood: { anger: 95 } });
    expect(state.status).toBe('ended');
    expect(state.ending).toEqual({ node: 'regulator', outcome: 'went-to-regulator' });
  });

  it('starts with the chosen flags, which the branches and the next turns see', () => {
    expect(begin({ node: 'callback', flags: ['callback-offered'] }).state).toMatchObject({
      node: 'callback',
      status: 'active',
      flags: ['callback-offered'],
    });
    // Without the flag the callback node sends the customer away.
    expect(begin({ node: 'callback' }).state.ending).toEqual({ node: 'lost', outcome: 'customer-lost' });
  });

  it('plays on from there, and replay with the same start gives the same session', () => {
    const startAt = { node: 'facts', mood: { anger: 30, trust: 70 } };
    const first = respond(begin(startAt), { choice: 'promise' });
    expect(first.session.state.turns[0]).toMatchObject({ turn: 1, node: 'facts', responseId: 'promise' });
    expect(first.session.state.flags).toEqual(['callback-offered']);
    const again = replay(fakeCallbackCall(), fakeCallbackRubric(), [{ choice: 'promise' }], {
      now,
      locale: 'en',
      startAt,
    });
    expect(again.state).toEqual(first.session.state);
  });

  it('refuses an unknown node with a reason and makes no session', () => {
    expect(startAtProblem(fakeCallbackCall(), { node: 'nowhere' })).toMatch(/no node 'nowhere'/);
    expect(() => begin({ node: 'nowhere' })).toThrow(/no node 'nowhere'/);
    // Inherited object keys are not nodes.
    expect(() => begin({ node: 'constructor' })).toThrow(/no node 'constructor'/);
  });

  it('refuses a mood outside the range and a flag that is not a flag name', () => {
    expect(() => begin({ node: 'facts', mood: { anger: 101 } })).toThrow(/anger 101/);
    expect(() => begin({ node: 'facts', mood: { trust: Number.NaN } })).toThrow(/trust/);
    expect(() => begin({ node: 'facts', flags: ['Not A Flag'] })).toThrow(/not a flag name/);
    expect(startAtProblem(fakeCallbackCall(), { node: 'facts', mood: { anger: 0, trust: 100 } })).toBeNull();
  });

  it('without startAt starts where the scenario starts', () => {
    expect(start(fakeCallbackCall(), fakeCallbackRubric(), { now }).state.node).toBe('opening');
  });
});
