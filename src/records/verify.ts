import { canonicalJson } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { replay } from '@/engine/runtime/session';
import type { AttemptResult, ReplyAnalyzer, Session } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';
import { summariseResult, toTraineeInput, type AttemptRecord, type RecordResult } from './attempt-record';
import type { Verification } from './attempt-row';

/**
 * `verified` means consistent: the score is what the engine gives for the stored responses. It
 * says nothing about who gave them (see plausibility.ts).
 */
export interface VerifyOutcome {
  verification: Verification;
  /** The engine's own result for the stored responses; null when it could not replay them. */
  recomputed: RecordResult | null;
  /** The full result of the replay (evidence, promises) for the debrief; null when not replayed. */
  result: AttemptResult | null;
  /** What disagrees, as `field: stored → recomputed`, for the review page. */
  differences: string[];
  session: Session | null;
}

export interface VerifyOptions {
  /** Reads typed replies that carry no stored reading (records from before readings were kept). */
  analyzer?: ReplyAnalyzer;
}

function compare(stored: RecordResult, recomputed: RecordResult): string[] {
  const out: string[] = [];
  for (const key of Object.keys(recomputed) as Array<keyof RecordResult>) {
    const a = canonicalJson(stored[key]);
    const b = canonicalJson(recomputed[key]);
    if (a !== b)
      out.push(
        `${key}: ${a.length > 80 ? `${a.slice(0, 77)}...` : a} → ${b.length > 80 ? `${b.slice(0, 77)}...` : b}`,
      );
  }
  return out;
}

interface Recomputed {
  recomputed: RecordResult;
  result: AttemptResult;
  /** Replay problems that do not depend on the stored score (unreplayable turns, an unfinished ending). */
  structural: string[];
  session: Session;
}

function recompute(
  record: AttemptRecord,
  scenario: Scenario,
  rubric: Rubric,
  options: VerifyOptions = {},
): Recomputed {
  const session = replay(scenario, rubric, record.turns.map(toTraineeInput), {
    locale: record.locale,
    now: () => record.startedAt,
    ...(record.seed !== null ? { seed: record.seed } : {}),
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
  });
  const structural: string[] = [];
  const replayed = session.state.turns;
  if (replayed.length !== record.turns.length)
    structural.push(`turns: ${record.turns.length} stored, ${replayed.length} replayable`);
  record.turns.forEach((turn, i) => {
    const r = replayed[i];
    if (
      r &&
      (r.node !== turn.node || (turn.text === undefined && !turn.silence && r.responseId !== turn.responseId))
    ) {
      structural.push(
        `turn ${i + 1}: ${turn.node}/${turn.responseId ?? '-'} → ${r.node}/${r.responseId ?? '-'}`,
      );
    }
  });
  if (record.status === 'finished' && session.state.status !== 'ended')
    structural.push('status: finished → not ended');
  const result = scoreSession(session);
  return { recomputed: summariseResult(result), result, structural, session };
}

function judge(record: AttemptRecord, run: () => Recomputed): VerifyOutcome {
  let r: Recomputed;
  try {
    r = run();
  } catch (error) {
    // The engine should never throw, but a hostile record must not take the import down with it.
    return {
      verification: 'mismatch',
      recomputed: null,
      result: null,
      differences: [`replay: ${String(error)}`],
      session: null,
    };
  }
  const differences = [...r.structural, ...compare(record.result, r.recomputed)];
  return {
    verification: differences.length ? 'mismatch' : 'verified',
    recomputed: r.recomputed,
    result: r.result,
    differences,
    session: r.session,
  };
}

/**
 * Recomputes a record's score from its stored responses on the scenario and rubric versions it was
 * played on. Scoring is a pure function of those three, so any disagreement means the stored score
 * was edited (or came from a different engine) and must not be trusted. Agreement means only that
 * the score is consistent with the responses: anyone who can write the responses can make it agree.
 */
export function verifyRecord(
  record: AttemptRecord,
  scenario: Scenario | undefined,
  rubric: Rubric | undefined,
  options: VerifyOptions = {},
): VerifyOutcome {
  if (!scenario || !rubric)
    return {
      verification: 'unknown-scenario',
      recomputed: null,
      result: null,
      differences: [],
      session: null,
    };
  return judge(record, () => recompute(record, scenario, rubric, options));
}

/**
 * The same check for many records at once (an import): attempts that took the same path share one
 * replay. The key holds everything the engine scores from (versions, locale, status and the choices,
 * typed words and silences); timings are left out because scoring does not read them.
 */
export function createVerifier(
  options: VerifyOptions = {},
): (record: AttemptRecord, scenario: Scenario | undefined, rubric: Rubric | undefined) => Verification {
  const cache = new Map<string, Recomputed>();
  return (record, scenario, rubric) => {
    if (!scenario || !rubric) return 'unknown-scenario';
    const path = record.turns
      .map((t) => (t.silence ? '~' : t.text !== undefined ? `"${t.text}` : `#${t.responseId ?? ''}`))
      .join('\u0001');
    const key = `${record.scenario.contentHash}|${record.rubric.hash}|${record.locale}|${record.status}|${record.turns.map((t) => t.node).join(',')}|${path}`;
    return judge(record, () => {
      let hit = cache.get(key);
      if (!hit) {
        hit = recompute(record, scenario, rubric, options);
        cache.set(key, hit);
      }
      return hit;
    }).verification;
  };
}
