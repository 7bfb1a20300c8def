import type { TraineeInput } from '@/engine/runtime/types';
import type { RecordResult } from '../attempt-record';
import { isoDuration } from '../duration';

// What Composure writes into a SCORM LMS: the result on finish and, while an attempt is in progress,
// enough in `cmi.suspend_data` to rebuild it on another launch (SCORM 1.2 allows 4,096 characters).

export type ScormVersion = '1.2' | '2004';

/** SCORM 1.2's limit for cmi.suspend_data; 2004 4th edition allows 64,000. */
export const SUSPEND_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };

export interface SuspendedAttempt {
  attemptId: string;
  scenarioId: string;
  /** The scenario and rubric versions it was played on: a different package version cannot resume it. */
  scenarioHash: string;
  rubricHash: string;
  seed: number | null;
  startedAt: number;
  locale: string;
  /** The trainee's inputs so far, replayed to resume. */
  inputs: TraineeInput[];
}

type Packed = [kind: 'c' | 'x' | 's', value: string, ms: number | null];

/** Compact JSON: short keys, one array per turn. */
export function encodeSuspend(a: SuspendedAttempt): string {
  const inputs: Packed[] = a.inputs.map((input) => {
    const ms = input.msToAnswer ?? null;
    if ('silence' in input) return ['s', '', ms];
    if ('text' in input) return ['x', input.text, ms];
    return ['c', input.choice, ms];
  });
  return JSON.stringify({
    v: 1,
    a: a.attemptId,
    s: a.scenarioId,
    h: a.scenarioHash,
    r: a.rubricHash,
    e: a.seed,
    t: a.startedAt,
    l: a.locale,
    i: inputs,
  });
}

/** The suspended attempt, or null for empty, foreign or malformed data (never throws). */
export function decodeSuspend(text: string | null | undefined): SuspendedAttempt | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const d = raw as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || d.v !== 1 || !Array.isArray(d.i)) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const [attemptId, scenarioId, scenarioHash, rubricHash, locale] = [d.a, d.s, d.h, d.r, d.l].map(str);
  if (!attemptId || !scenarioId || !scenarioHash || !rubricHash || !locale) return null;
  if (typeof d.t !== 'number' || !(d.e === null || typeof d.e === 'number')) return null;
  const inputs: TraineeInput[] = [];
  for (const item of d.i) {
    if (!Array.isArray(item)) return null;
    const [kind, value, ms] = item as unknown[];
    const timing = typeof ms === 'number' && ms >= 0 ? { msToAnswer: ms } : {};
    if (kind === 's') inputs.push({ silence: true, ...timing });
    else if (kind === 'x' && typeof value === 'string' && value) inputs.push({ text: value, ...timing });
    else if (kind === 'c' && typeof value === 'string' && value) inputs.push({ choice: value, ...timing });
    else return null;
  }
  return {
    attemptId,
    scenarioId,
    scenarioHash,
    rubricHash,
    seed: d.e as number | null,
    startedAt: d.t,
    locale,
    inputs,
  };
}

/**
 * The suspend data for this LMS, or null when it does not fit (a long typed conversation under
 * SCORM 1.2): the attempt then resumes only on the same device, from its local draft.
 */
export function fitSuspend(a: SuspendedAttempt, version: ScormVersion): string | null {
  const text = encodeSuspend(a);
  return text.length <= SUSPEND_LIMIT[version] ? text : null;
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function scorm12Time(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360_000));
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = Math.floor((cs % 6_000) / 100);
  const c = cs % 100;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(h).padStart(4, '0')}:${two(m)}:${two(s)}.${two(c)}`;
}

const score = (n: number) => String(Math.round(n * 100) / 100);

/** The data model values that report a finished attempt, in the order they are set. */
export function finishedValues(
  version: ScormVersion,
  result: Pick<RecordResult, 'overall' | 'passed'>,
  sessionMs: number,
): Array<[string, string]> {
  if (version === '1.2')
    return [
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.score.raw', score(result.overall)],
      ['cmi.core.lesson_status', result.passed ? 'passed' : 'failed'],
      ['cmi.core.session_time', scorm12Time(sessionMs)],
      ['cmi.core.exit', ''],
      ['cmi.suspend_data', ''],
    ];
  return [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', score(result.overall)],
    ['cmi.score.scaled', String(Math.round(result.overall * 100) / 10000)],
    ['cmi.completion_status', 'completed'],
    ['cmi.success_status', result.passed ? 'passed' : 'failed'],
    ['cmi.session_time', isoDuration(sessionMs)],
    ['cmi.exit', 'normal'],
    ['cmi.suspend_data', ''],
  ];
}

/** The values written after each turn of an attempt in progress. */
export function inProgressValues(version: ScormVersion, suspend: string | null): Array<[string, string]> {
  const data: Array<[string, string]> = suspend === null ? [] : [['cmi.suspend_data', suspend]];
  return version === '1.2'
    ? [['cmi.core.lesson_status', 'incomplete'], ['cmi.core.exit', 'suspend'], ...data]
    : [['cmi.completion_status', 'incomplete'], ['cmi.exit', 'suspend'], ...data];
}

/** The session time when the SCO is left mid-attempt. */
export function sessionTimeValue(version: ScormVersion, ms: number): [string, string] {
  return version === '1.2'
    ? ['cmi.core.session_time', scorm12Time(ms)]
    : ['cmi.session_time', isoDuration(ms)];
}
