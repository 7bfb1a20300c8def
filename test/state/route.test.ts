import { parseHash, routeHref } from '@/state/route';

describe('parseHash', () => {
  it('maps every hash route', () => {
    expect(parseHash('')).toEqual({ name: 'library' });
    expect(parseHash('#/')).toEqual({ name: 'library' });
    expect(parseHash('#/play/overdue-promise')).toEqual({ name: 'play', scenarioId: 'overdue-promise' });
    expect(parseHash('#/debrief/abc')).toEqual({ name: 'debrief', attemptId: 'abc' });
    expect(parseHash('#/review')).toEqual({ name: 'review' });
    expect(parseHash('#/review?trainee=e-1001')).toEqual({ name: 'review', traineeId: 'e-1001' });
    expect(parseHash('#/review/attempt/xyz')).toEqual({ name: 'review-attempt', attemptId: 'xyz' });
    expect(parseHash('#/nope/1/2')).toEqual({ name: 'not-found', path: '/nope/1/2' });
  });

  it('round-trips ids that need encoding', () => {
    expect(parseHash(routeHref.play('a b/c'))).toEqual({ name: 'play', scenarioId: 'a b/c' });
    expect(parseHash(routeHref.reviewTrainee('a&b c'))).toEqual({ name: 'review', traineeId: 'a&b c' });
  });
});
