import { describe, expect, it } from 'vitest';
import { holds } from '@/engine/runtime/conditions';
import type { PromiseRecord } from '@/engine/runtime/types';

const promise = (status: PromiseRecord['status']): PromiseRecord => ({
  id: 'cb',
  madeAt: { turn: 1, node: 'a', response: 'r' },
  dueTurn: 2,
  status,
});
const ctx = { anger: 85, trust: 20, turn: 4, flags: ['refund-offered'], promises: [promise('broken')] };

describe('conditions', () => {
  it('compares mood and turn', () => {
    expect(holds({ anger: { gte: 85 } }, ctx)).toBe(true);
    expect(holds({ anger: { gt: 85 } }, ctx)).toBe(false);
    expect(holds({ trust: { lt: 30, gte: 20 } }, ctx)).toBe(true);
    expect(holds({ turn: { eq: 4 } }, ctx)).toBe(true);
  });
  it('tests flags and promise fates', () => {
    expect(holds({ flag: 'refund-offered' }, ctx)).toBe(true);
    expect(holds({ flag: 'manager' }, ctx)).toBe(false);
    expect(holds({ promise: { id: 'cb', is: 'broken' } }, ctx)).toBe(true);
    expect(
      holds(
        { promise: { id: 'cb', is: 'kept' } },
        { ...ctx, promises: [promise('broken'), promise('kept')] },
      ),
    ).toBe(true);
  });
  it('combines with all, any and not', () => {
    expect(holds({ all: [{ flag: 'refund-offered' }, { anger: { gte: 80 } }] }, ctx)).toBe(true);
    expect(holds({ any: [{ flag: 'x' }, { trust: { gt: 50 } }] }, ctx)).toBe(false);
    expect(holds({ not: { any: [{ flag: 'x' }] } }, ctx)).toBe(true);
  });
});
