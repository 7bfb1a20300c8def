import type { AttemptRecord, RecordTurn } from '../attempt-record';
import type { AttemptExtension, TurnExtension } from './statements';
import type { XapiAgent, XapiStatement } from './types';
import { isUuid } from './uuid';
import { EXTENSIONS, VERBS } from './vocabulary';

// Statements fetched from an LRS back into attempt records. Nothing here is trusted: what comes out
// is only shaped like a record; the bundle parser validates it and verification recomputes its score
// from the responses, exactly as for an imported file.

export interface RebuildReport {
  records: AttemptRecord[];
  /** Attempts still in progress (no `terminated` yet): skipped, they may finish later. */
  inProgress: number;
  /** Groups that could not be read as an attempt, with why. */
  problems: Array<{ attempt: string; reason: string }>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ext = (from: unknown, key: string): unknown =>
  isObject(from) && isObject(from.extensions) && Object.hasOwn(from.extensions, key)
    ? from.extensions[key]
    : undefined;

/** The person behind an actor: the account name (employee id), else the mailbox. */
export function traineeFromActor(actor: XapiAgent | undefined): { id: string; name: string } | null {
  if (!actor) return null;
  const id = actor.account?.name ?? actor.mbox?.replace(/^mailto:/, '');
  if (!id) return null;
  return { id, name: actor.name ?? id };
}

function attemptOf(statement: XapiStatement): AttemptExtension | null {
  const value = ext(statement.context, EXTENSIONS.attempt);
  return isObject(value) && isUuid(value.id) ? (value as unknown as AttemptExtension) : null;
}

/** Groups statements by attempt and rebuilds each finished or abandoned one. Duplicates by id count once. */
export function rebuildAttempts(statements: readonly XapiStatement[]): RebuildReport {
  const groups = new Map<string, Map<string, XapiStatement>>();
  for (const s of statements) {
    const attempt = attemptOf(s);
    if (!attempt || typeof s.id !== 'string') continue;
    let group = groups.get(attempt.id);
    if (!group) groups.set(attempt.id, (group = new Map()));
    group.set(s.id, s);
  }
  const report: RebuildReport = { records: [], inProgress: 0, problems: [] };
  for (const [id, group] of groups) {
    const built = rebuildOne(id, [...group.values()]);
    if (built === 'in-progress') report.inProgress += 1;
    else if (typeof built === 'string') report.problems.push({ attempt: id, reason: built });
    else report.records.push(built);
  }
  return report;
}

function rebuildOne(id: string, statements: XapiStatement[]): AttemptRecord | string {
  const byVerb = (verb: string) => statements.filter((s) => s.verb?.id === verb);
  const terminated = byVerb(VERBS.terminated)[0];
  if (!terminated) return 'in-progress';
  const attempt = attemptOf(terminated);
  if (!attempt) return 'no attempt context';
  const result = ext(terminated.result, EXTENSIONS.result);
  if (!isObject(result)) return 'terminated statement has no result';
  const trainee = (isObject(attempt.trainee) ? attempt.trainee : null) ?? traineeFromActor(terminated.actor);
  if (!trainee) return 'actor has neither an account nor a mailbox';

  const turns = new Map<number, RecordTurn>();
  for (const s of byVerb(VERBS.responded)) {
    const turn = ext(s.context, EXTENSIONS.turn) as TurnExtension | undefined;
    if (!isObject(turn) || !Number.isInteger(turn.number) || turn.number < 1) continue;
    const at = Date.parse(s.timestamp);
    const base = {
      node: turn.node,
      responseId: turn.responseId ?? null,
      at: Number.isFinite(at) ? at : 0,
      msToAnswer: turn.msToAnswer ?? null,
    };
    const reading = ext(s.result, EXTENSIONS.reading);
    if (turn.input === 'silence') turns.set(turn.number, { ...base, silence: true });
    else if (turn.input === 'text')
      turns.set(turn.number, {
        ...base,
        text: s.result?.response ?? '',
        ...(isObject(reading) ? { reading: reading as unknown as NonNullable<RecordTurn['reading']> } : {}),
      });
    else turns.set(turn.number, base);
  }
  const numbers = [...turns.keys()].sort((a, b) => a - b);
  if (numbers.some((n, i) => n !== i + 1)) return `turns missing: have ${numbers.join(',')}`;

  const finishedAt = Date.parse(terminated.timestamp);
  return {
    recordVersion: attempt.recordVersion,
    id,
    status: byVerb(VERBS.completed).length > 0 ? 'finished' : 'abandoned',
    trainee: { id: String(trainee.id), name: String(trainee.name) },
    scenario: attempt.scenario,
    rubric: attempt.rubric,
    locale: attempt.locale,
    seed: attempt.seed,
    startedAt: attempt.startedAt,
    finishedAt: Number.isFinite(finishedAt) ? finishedAt : attempt.startedAt,
    turns: numbers.map((n) => turns.get(n)!),
    result: result as unknown as AttemptRecord['result'],
  } as AttemptRecord;
}
