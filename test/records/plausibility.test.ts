import type { AttemptRecord } from '@/records/attempt-record';
import { toAttemptRow } from '@/records/attempt-row';
import {
  checkPlausibility,
  clockProblems,
  createPlausibilityChecker,
  duplicateIds,
  READING_RATES,
  readingMs,
  rowFlags,
  transcriptFingerprint,
} from '@/records/plausibility';
import { BAD, GOOD, playRecord, scenario } from './fixtures';

/** The record with its times moved: turn `at`s and msToAnswer set from a list of gaps (ms). */
function timed(record: AttemptRecord, gaps: number[], finishAfter = 1000): AttemptRecord {
  let at = record.startedAt;
  const turns = record.turns.map((turn, i) => {
    const gap = gaps[i] ?? 1000;
    at += gap;
    return { ...turn, at, msToAnswer: gap };
  });
  return { ...record, turns, finishedAt: at + finishAfter };
}

// The fake scenario's GOOD path shows these lines (en): the least the trainee must have read.
/** A review row with its plausibility, as import and Review's re-check write it. */
const row = (record: AttemptRecord) => toAttemptRow(record, 'verified', checkPlausibility(record));

const GOOD_READING_MS =
  readingMs('Nobody called me back!') +
  readingMs('Good morning, Star River service, Li speaking. I am so sorry.') +
  readingMs('So what now?') + // the shorter of the two variants
  readingMs('I will call you back by five today.') +
  readingMs('(17:00) Hello?') +
  readingMs('Calling back as promised. Is that all right now?');

describe('reading time', () => {
  it('counts Chinese characters at 15 a second and other words at 4 a second', () => {
    expect(READING_RATES).toEqual({ cjkPerSecond: 15, wordsPerSecond: 4 });
    expect(readingMs('')).toBe(0);
    expect(readingMs('one two three four')).toBe(1000);
    expect(readingMs('您好，星河客服小李。非常抱歉。')).toBe(Math.round((12 / 15) * 1000));
    // Mixed text: each script at its own rate; punctuation and spaces are free.
    expect(readingMs('您好 Li, 抱歉!')).toBe(Math.round((4 / 15) * 1000 + (1 / 4) * 1000));
    expect(readingMs('(17:00) Hello?')).toBe(750);
  });

  it('a real attempt at a human pace is not flagged', () => {
    const record = playRecord(GOOD);
    const p = checkPlausibility(record, scenario);
    expect(p.minReadMs).toBe(GOOD_READING_MS);
    expect(p.flags).toEqual([]);
    expect(p.clock).toEqual([]);
  });

  it('an attempt finished 5 ms after it started is too fast', () => {
    const record = playRecord(GOOD);
    const instant = { ...timed(record, [1, 1, 1], 2) };
    const p = checkPlausibility(instant, scenario);
    expect(p.elapsedMs).toBe(5);
    expect(p.answerMs).toBe(3);
    expect(p.flags).toEqual(['too-fast']);
  });

  it('the boundary: answering in exactly the reading time passes, a millisecond less does not', () => {
    const record = playRecord(GOOD);
    const share = Math.floor(GOOD_READING_MS / 3);
    const exact = [share, share, GOOD_READING_MS - 2 * share];
    expect(checkPlausibility(timed(record, exact, 0), scenario).flags).toEqual([]);
    const short = [share, share, GOOD_READING_MS - 2 * share - 1];
    expect(checkPlausibility(timed(record, short, 10_000), scenario).flags).toEqual(['too-fast']);
  });

  it('slow overall but answers summing to less than the reading time is too fast (edited timings)', () => {
    const record = timed(playRecord(GOOD), [100, 100, 100], 60_000);
    expect(checkPlausibility(record, scenario).flags).toEqual(['too-fast']);
  });

  it('without msToAnswer on every turn, the elapsed time alone decides', () => {
    const played = playRecord(GOOD);
    const record = {
      ...played,
      turns: played.turns.map((t, i) => (i === 1 ? { ...t, msToAnswer: null } : t)),
    };
    const p = checkPlausibility(record, scenario);
    expect(p.answerMs).toBeNull();
    expect(p.flags).toEqual([]);
    const quick = { ...record, finishedAt: record.startedAt + 50 };
    expect(checkPlausibility(quick, scenario).flags).toContain('too-fast');
  });

  it('Chinese attempts are measured in characters', () => {
    const record = { ...playRecord(GOOD), locale: 'zh-CN' };
    const zh =
      readingMs('没人给我回电话！') +
      readingMs('您好，星河客服小李。非常抱歉。') +
      readingMs('那现在怎么办？') +
      readingMs('我今天五点前给您回电。') +
      readingMs('（17:00）喂？') +
      readingMs('按约给您回电。这样处理可以吗？');
    expect(checkPlausibility(record, scenario).minReadMs).toBe(zh);
  });

  it('typed words count as read; a silence shows only the line', () => {
    const record = playRecord(GOOD);
    const typed: AttemptRecord = {
      ...record,
      turns: [
        { ...record.turns[0]!, text: 'So sorry about that, let me fix it now.' },
        { ...record.turns[1]!, responseId: null, silence: true },
      ],
    };
    expect(checkPlausibility(typed, scenario).minReadMs).toBe(
      readingMs('Nobody called me back!') +
        readingMs('So sorry about that, let me fix it now.') +
        readingMs('So what now?'),
    );
  });

  it('without the scenario the reading time is not judged (null), never guessed', () => {
    const instant = timed(playRecord(GOOD), [1, 1, 1], 2);
    const p = checkPlausibility(instant);
    expect(p.minReadMs).toBeNull();
    expect(p.flags).toEqual([]);
  });

  it('a hostile locale or an unknown node reads as nothing instead of throwing', () => {
    const record = playRecord(GOOD);
    const hostile = { ...record, locale: '__proto__' };
    expect(() => checkPlausibility(hostile, scenario)).not.toThrow();
    const unknownNode = {
      ...record,
      turns: record.turns.map((t) => ({ ...t, node: 'constructor' })),
    };
    expect(checkPlausibility(unknownNode, scenario).minReadMs).toBe(0);
  });

  it('the shared checker gives the same answers as the single check', () => {
    const check = createPlausibilityChecker();
    for (const r of [playRecord(GOOD), playRecord(BAD), timed(playRecord(GOOD), [1, 1, 1], 2)]) {
      expect(check(r, scenario)).toEqual(checkPlausibility(r, scenario));
      expect(check(r)).toEqual(checkPlausibility(r));
    }
  });
});

describe('clock going backwards', () => {
  const record = playRecord(GOOD);

  it('a real attempt runs forwards', () => {
    expect(clockProblems(record)).toEqual([]);
  });

  it('finished before it started', () => {
    const p = checkPlausibility({ ...record, finishedAt: record.startedAt - 1 }, scenario);
    // A negative elapsed time is the clock's doing, not speed: the answers took long enough.
    expect(p.flags).toEqual(['clock-backwards']);
    expect(p.clock).toContainEqual({ kind: 'finished-before-start' });
  });

  it('a turn answered before the one before it', () => {
    const turns = record.turns.map((t, i) => (i === 2 ? { ...t, at: record.turns[0]!.at - 1 } : t));
    expect(clockProblems({ ...record, turns })).toEqual([{ kind: 'turn-before-previous', turn: 3 }]);
  });

  it('the first turn answered before the start, and the finish before the last answer', () => {
    const turns = record.turns.map((t, i) => (i === 0 ? { ...t, at: record.startedAt - 10 } : t));
    expect(clockProblems({ ...record, turns })).toEqual([{ kind: 'turn-before-start', turn: 1 }]);
    const early = { ...record, finishedAt: record.turns.at(-1)!.at - 1 };
    expect(clockProblems(early)).toEqual([{ kind: 'finished-before-last-turn' }]);
    expect(checkPlausibility(early).flags).toEqual(['clock-backwards']);
  });

  it('equal times are not backwards', () => {
    const turns = record.turns.map((t) => ({ ...t, at: record.startedAt }));
    expect(clockProblems({ ...record, turns, finishedAt: record.startedAt })).toEqual([]);
  });
});

describe('identical transcripts under different trainees', () => {
  const original = playRecord(GOOD, { id: 'e-1', name: 'Li Na' });
  const copy = (r: AttemptRecord, trainee: { id: string; name: string }, shift = 0): AttemptRecord => ({
    ...r,
    id: crypto.randomUUID(),
    trainee,
    startedAt: r.startedAt + shift,
    finishedAt: r.finishedAt + shift,
    turns: r.turns.map((t) => ({ ...t, at: t.at + shift })),
  });

  it('a copy under another trainee has the same fingerprint, even moved to another day', () => {
    const moved = copy(original, { id: 'e-2', name: 'Wang Fang' }, 86_400_000);
    expect(transcriptFingerprint(moved)).toBe(transcriptFingerprint(original));
    const rows = [row(original), row(moved)];
    expect(duplicateIds(rows)).toEqual(new Set([original.id, moved.id]));
    expect(rowFlags(rows[1]!, duplicateIds(rows))).toEqual(['duplicate']);
  });

  it('the same trainee twice is not flagged (a re-import under a new id is not a copy to another person)', () => {
    const mine = copy(original, original.trainee);
    expect(duplicateIds([row(original), row(mine)]).size).toBe(0);
  });

  it('the same answers with different timings, display order or path are different transcripts', () => {
    const other = { id: 'e-3', name: 'Zhang Wei' };
    const variants: AttemptRecord[] = [
      { ...copy(original, other), turns: original.turns.map((t, i) => (i ? t : { ...t, msToAnswer: 4201 })) },
      { ...copy(original, other), seed: (original.seed ?? 0) + 1 },
      // One answer a millisecond later on the clock.
      {
        ...copy(original, other),
        turns: original.turns.map((t, i) => (i === 1 ? { ...t, at: t.at + 1 } : t)),
      },
      { ...copy(original, other), turns: original.turns.slice(0, 2) },
    ];
    for (const v of variants) {
      expect(transcriptFingerprint(v)).not.toBe(transcriptFingerprint(original));
      expect(duplicateIds([row(original), row(v)]).size).toBe(0);
    }
  });

  it('attempts with no turns have nothing to compare', () => {
    const empty = { ...original, turns: [] };
    const other = { ...copy(empty, { id: 'e-4', name: 'Zhao' }) };
    expect(transcriptFingerprint(empty)).toBeNull();
    expect(duplicateIds([row(empty), row(other)]).size).toBe(0);
  });

  it('a group of three with two trainees flags all three; rows from older builds are skipped', () => {
    const a = copy(original, original.trainee);
    const b = copy(original, { id: 'e-5', name: 'Sun' });
    const rows = [original, a, b].map((r) => row(r));
    const legacy = { ...row(copy(original, { id: 'e-6', name: 'Old' })) };
    delete legacy.fingerprint;
    expect(duplicateIds([...rows, legacy])).toEqual(new Set([original.id, a.id, b.id]));
  });

  it('row flags keep the record’s own flags and add duplicate', () => {
    expect(rowFlags({ id: 'x', flags: ['too-fast'] }, new Set(['x']))).toEqual(['too-fast', 'duplicate']);
    expect(rowFlags({ id: 'x' }, new Set())).toEqual([]);
  });
});
