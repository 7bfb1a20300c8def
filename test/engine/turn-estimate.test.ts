import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioNode } from '@/engine/format/scenario-schema';
import { respond, start } from '@/engine/runtime/session';
import { decisionsLeft, turnEstimate } from '@/engine/runtime/turn-estimate';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const say = { en: 'x', 'zh-CN': 'x' };
const answer = (id: string, next: string) => ({ id, text: say, next });
const turn = (...next: string[]): ScenarioNode => ({
  say,
  responses: next.map((n, i) => answer(`r${i}`, n)),
});
const end = (outcome: 'loyal' | 'customer-lost'): ScenarioNode => ({ ending: { outcome } });
const graph = (nodes: Record<string, ScenarioNode>, startAt = 'a'): Scenario =>
  fakeScenario({ start: startAt, nodes });

describe('decisionsLeft', () => {
  it('counts the customer turns on the shortest way to a good ending, not to the quick failure', () => {
    // a → lost in one decision; a → b → c → won in three.
    const s = graph({
      a: turn('lost', 'b'),
      b: turn('c'),
      c: turn('won'),
      won: end('loyal'),
      lost: end('customer-lost'),
    });
    expect(decisionsLeft(s, 'a')).toBe(3);
    expect(decisionsLeft(s, 'b')).toBe(2);
    expect(decisionsLeft(s, 'c')).toBe(1);
    expect(decisionsLeft(s, 'won')).toBe(0);
  });

  it('falls back to any ending when no good one can be reached', () => {
    const s = graph({ a: turn('b'), b: turn('lost'), lost: end('customer-lost') });
    expect(decisionsLeft(s, 'a')).toBe(2);
  });

  it('treats automatic branches as free and survives loops', () => {
    const s = graph({
      a: turn('hub', 'a'),
      hub: { when: [{ if: { anger: { gte: 90 } }, next: 'lost' }], otherwise: 'b' },
      b: turn('a', 'won'),
      won: end('loyal'),
      lost: end('customer-lost'),
    });
    expect(decisionsLeft(s, 'a')).toBe(2);
    expect(decisionsLeft(s, 'hub')).toBe(1);
  });

  it('is 0 when no ending can be reached or the node is unknown', () => {
    const s = graph({ a: turn('a') });
    expect(decisionsLeft(s, 'a')).toBe(0);
    expect(decisionsLeft(s, 'nowhere')).toBe(0);
  });

  it('honours the outcomes the caller wants to avoid', () => {
    const s = graph({ a: turn('lost', 'b'), b: turn('won'), won: end('loyal'), lost: end('customer-lost') });
    expect(decisionsLeft(s, 'a', [])).toBe(1);
    expect(decisionsLeft(s, 'a', ['loyal'])).toBe(1);
  });
});

describe('turnEstimate', () => {
  it('reads turn 1 of about 3 on the sample call and advances as the trainee answers', () => {
    const scenario = fakeScenario();
    let session = start(scenario, fakeRubric(), { now: () => 0 });
    expect(turnEstimate(scenario, session.state)).toEqual({ turn: 1, total: 3 });
    session = respond(session, { choice: 'greet' }).session;
    expect(turnEstimate(scenario, session.state)).toEqual({ turn: 2, total: 3 });
  });

  it('a silence takes a turn without progress, so the total grows with it', () => {
    const scenario = fakeScenario();
    let session = start(scenario, fakeRubric(), { now: () => 0 });
    session = respond(session, { choice: 'greet' }).session; // on the timed turn
    session = respond(session, { silence: true }).session;
    expect(session.state.node).toBe('facts');
    expect(turnEstimate(scenario, session.state)).toEqual({ turn: 3, total: 4 });
  });
});
