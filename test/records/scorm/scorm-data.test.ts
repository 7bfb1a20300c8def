import {
  decodeSuspend,
  encodeSuspend,
  finishedValues,
  fitSuspend,
  inProgressValues,
  scorm12Time,
  type SuspendedAttempt,
} from '@/records/scorm/scorm-data';

const attempt: SuspendedAttempt = {
  attemptId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  scenarioId: 'disputed-fee',
  scenarioHash: 'a1b2c3d4e5f60718',
  rubricHash: '0918f7e6d5c4b3a2',
  seed: 123456789,
  startedAt: 1_790_000_000_000,
  locale: 'zh-CN',
  inputs: [
    { choice: 'greet', msToAnswer: 4200 },
    { text: '您好，非常抱歉让您久等了。', msToAnswer: 9000 },
    { silence: true },
  ],
};

describe('SCORM data', () => {
  it('suspend data round-trips an attempt in progress', () => {
    expect(decodeSuspend(encodeSuspend(attempt))).toEqual(attempt);
  });

  it('malformed or foreign suspend data is ignored, never thrown on', () => {
    for (const text of [
      '',
      'viewed=1,2,3|last=4',
      '{"v":2}',
      '{"v":1,"i":[["c",""]]}',
      '{"v":1,"a":"x","i":"no"}',
      null,
    ])
      expect(decodeSuspend(text)).toBeNull();
  });

  it("fits SCORM 1.2's 4,096 characters: a typical attempt does, a very long typed conversation does not", () => {
    const typical = {
      ...attempt,
      inputs: Array.from({ length: 40 }, (_, i) => ({ choice: `response-${i}`, msToAnswer: 12345 })),
    };
    expect(fitSuspend(typical, '1.2')!.length).toBeLessThanOrEqual(4096);
    const long = { ...attempt, inputs: Array.from({ length: 30 }, () => ({ text: 'x'.repeat(200) })) };
    expect(fitSuspend(long, '1.2')).toBeNull();
    expect(fitSuspend(long, '2004')).not.toBeNull();
  });

  it('reports a finished attempt in each version: score, status, session time', () => {
    expect(finishedValues('1.2', { overall: 83.33, passed: true }, 3_723_450)).toEqual([
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', '83.33'],
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.session_time', '0001:02:03.45'],
      ['cmi.core.exit', ''],
      ['cmi.suspend_data', ''],
    ]);
    expect(
      Object.fromEntries(finishedValues('2004', { overall: 41.5, passed: false }, 65_000)),
    ).toMatchObject({
      'cmi.score.raw': '41.5',
      'cmi.score.scaled': '0.415',
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'failed',
      'cmi.session_time': 'PT1M5S',
      'cmi.exit': 'normal',
    });
    expect(inProgressValues('1.2', null)).toEqual([
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.core.exit', 'suspend'],
    ]);
    expect(scorm12Time(0)).toBe('0000:00:00.00');
  });
});
