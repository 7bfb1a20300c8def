import { contentHash } from '@/engine/format/content-hash';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { Scenario, ScenarioNode } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';

/**
 * Checks that say an attempt is implausible, not that it is forged: a score that is consistent with
 * its responses proves nothing about who gave them, or when. Only a server-side store (an LRS that
 * records each statement as it happens) can prove who played. These flags point a manager at the
 * attempts worth a question:
 *
 * - `too-fast`: finished faster than the text on screen can be read;
 * - `clock-backwards`: the record's times run backwards (edited, or a device clock moved);
 * - `duplicate`: the same transcript (answers, display order and timings to the millisecond) is
 *   stored under another trainee: a copy, since two people never answer with the same timings.
 *
 * Pure and synchronous: import, the review table and the attempt page all use it.
 */
export type PlausibilityFlag = 'too-fast' | 'clock-backwards' | 'duplicate';
/** The flags a single record can raise on its own (`duplicate` needs the other records). */
export type RecordFlag = Exclude<PlausibilityFlag, 'duplicate'>;

/**
 * Fast reading rates: Chinese (Han, kana, hangul) characters and other words per second. A reader
 * who keeps up with these skims; anyone faster did not read what they answered.
 */
export const READING_RATES = { cjkPerSecond: 15, wordsPerSecond: 4 } as const;

/** Why the clock check failed; `turn` is 1-based. */
export type ClockProblem =
  | { kind: 'finished-before-start' }
  | { kind: 'turn-before-start'; turn: number }
  | { kind: 'turn-before-previous'; turn: number }
  | { kind: 'finished-before-last-turn' };

export interface RecordPlausibility {
  flags: RecordFlag[];
  /** The least time reading what the attempt showed takes; null when the scenario is not at hand. */
  minReadMs: number | null;
  /** `finishedAt − startedAt` (negative when the clock ran backwards). */
  elapsedMs: number;
  /** Σ `msToAnswer` when every turn has one; null otherwise. */
  answerMs: number | null;
  clock: ClockProblem[];
  /** Identity of the transcript (see `transcriptFingerprint`); null for an attempt with no turns. */
  fingerprint: string | null;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Milliseconds it takes to read `text` at `READING_RATES`. */
export function readingMs(text: string): number {
  let cjk = 0;
  const rest = text.replace(CJK, () => {
    cjk += 1;
    return ' ';
  });
  let words = 0;
  for (const _ of rest.matchAll(WORD)) words += 1;
  return Math.round(
    (cjk / READING_RATES.cjkPerSecond) * 1000 + (words / READING_RATES.wordsPerSecond) * 1000,
  );
}

/** Text in the record's locale; a hostile locale or missing text reads as nothing, never throws. */
function localText(text: LocalizedText | undefined, locale: string): string {
  try {
    const picked: unknown = pickText(text, locale);
    return typeof picked === 'string' ? picked : '';
  } catch {
    return '';
  }
}

/** The shortest line the node can speak: a lower bound whichever variant was spoken. */
function customerLineMs(node: ScenarioNode, locale: string): number {
  const say = node.say;
  if (say === undefined) return 0;
  if (!Array.isArray(say)) return readingMs(localText(say as LocalizedText, locale));
  let least = Infinity;
  for (const variant of say) least = Math.min(least, readingMs(localText(variant.text, locale)));
  return Number.isFinite(least) ? least : 0;
}

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

type TextCache = Map<string, number>;

/**
 * The least reading time of an attempt: each customer line when the conversation arrived at a new
 * node, and the answer given (the chosen response, or the words typed: typing is slower than
 * reading). Other responses on screen are not counted, so this stays a lower bound.
 */
function minimumReadingMs(record: AttemptRecord, scenario: Scenario, cache: TextCache): number {
  let total = 0;
  let previous: string | null = null;
  for (const turn of record.turns) {
    const node = own(scenario.nodes, turn.node) ? scenario.nodes[turn.node] : undefined;
    if (node && turn.node !== previous) {
      const key = `say\u0000${turn.node}\u0000${record.locale}`;
      let ms = cache.get(key);
      if (ms === undefined) cache.set(key, (ms = customerLineMs(node, record.locale)));
      total += ms;
    }
    previous = turn.node;
    if (turn.silence) continue;
    if (turn.text !== undefined) {
      total += readingMs(turn.text);
      continue;
    }
    const key = `answer\u0000${turn.node}\u0000${turn.responseId ?? ''}\u0000${record.locale}`;
    let ms = cache.get(key);
    if (ms === undefined) {
      const response = node?.responses?.find((r) => r.id === turn.responseId);
      cache.set(key, (ms = response ? readingMs(localText(response.text, record.locale)) : 0));
    }
    total += ms;
  }
  return total;
}

export function clockProblems(record: AttemptRecord): ClockProblem[] {
  const out: ClockProblem[] = [];
  if (record.finishedAt < record.startedAt) out.push({ kind: 'finished-before-start' });
  record.turns.forEach((turn, i) => {
    if (i === 0 && turn.at < record.startedAt) out.push({ kind: 'turn-before-start', turn: 1 });
    const before = record.turns[i - 1];
    if (before && turn.at < before.at) out.push({ kind: 'turn-before-previous', turn: i + 1 });
  });
  const last = record.turns.at(-1);
  if (last && record.finishedAt < last.at) out.push({ kind: 'finished-before-last-turn' });
  return out;
}

/**
 * Everything the engine scores from plus the display order and the timings, with times taken from
 * the start so a copy moved to another day still matches. Two people playing the same path do not
 * answer with the same milliseconds; a copied record does.
 */
export function transcriptFingerprint(record: AttemptRecord): string | null {
  if (!record.turns.length) return null;
  return contentHash({
    scenario: record.scenario.contentHash,
    seed: record.seed,
    turns: record.turns.map((t) => [
      t.node,
      t.responseId,
      t.text ?? null,
      t.silence ? 1 : 0,
      t.msToAnswer,
      t.at - record.startedAt,
    ]),
  });
}

function check(record: AttemptRecord, scenario: Scenario | undefined, cache: TextCache): RecordPlausibility {
  const clock = clockProblems(record);
  const elapsedMs = record.finishedAt - record.startedAt;
  const answerMs = record.turns.every((t) => t.msToAnswer !== null)
    ? record.turns.reduce((sum, t) => sum + (t.msToAnswer ?? 0), 0)
    : null;
  const minReadMs = scenario ? minimumReadingMs(record, scenario, cache) : null;
  const flags: RecordFlag[] = [];
  // A negative elapsed time is the clock's fault, flagged below; it says nothing about speed.
  const quick = (ms: number | null) => ms !== null && ms >= 0 && minReadMs !== null && ms < minReadMs;
  if (minReadMs !== null && minReadMs > 0 && (quick(elapsedMs) || quick(answerMs))) flags.push('too-fast');
  if (clock.length) flags.push('clock-backwards');
  return { flags, minReadMs, elapsedMs, answerMs, clock, fingerprint: transcriptFingerprint(record) };
}

/** One record's plausibility; without the scenario it played, the reading time cannot be judged. */
export function checkPlausibility(record: AttemptRecord, scenario?: Scenario): RecordPlausibility {
  return check(record, scenario, new Map());
}

/** The same check for many records (an import): line lengths are measured once per scenario. */
export function createPlausibilityChecker(): (
  record: AttemptRecord,
  scenario?: Scenario,
) => RecordPlausibility {
  const caches = new WeakMap<Scenario, TextCache>();
  const none: TextCache = new Map();
  return (record, scenario) => {
    let cache = scenario ? caches.get(scenario) : none;
    if (!cache && scenario) caches.set(scenario, (cache = new Map()));
    return check(record, scenario, cache ?? none);
  };
}

/** What `duplicateIds` needs of an attempt: a review row or a record summary. */
export interface Fingerprinted {
  id: string;
  traineeId: string;
  fingerprint?: string | null;
}

/** Ids of attempts whose transcript is also stored under a different trainee. Two passes, no per-row objects. */
export function duplicateIds(rows: readonly Fingerprinted[]): Set<string> {
  // Fingerprint → the one trainee seen with it, or MIXED once a second trainee has it too.
  const MIXED = '\u0000mixed';
  const owner = new Map<string, string>();
  let mixed = false;
  for (const r of rows) {
    if (!r.fingerprint) continue;
    const seen = owner.get(r.fingerprint);
    if (seen === undefined) owner.set(r.fingerprint, r.traineeId);
    else if (seen !== MIXED && seen !== r.traineeId) {
      owner.set(r.fingerprint, MIXED);
      mixed = true;
    }
  }
  const out = new Set<string>();
  if (!mixed) return out;
  for (const r of rows) if (r.fingerprint && owner.get(r.fingerprint) === MIXED) out.add(r.id);
  return out;
}

/** Every flag of one row: its own, plus `duplicate` when `duplicates` (from `duplicateIds`) has it. */
export function rowFlags(
  row: { id: string; flags?: readonly RecordFlag[] },
  duplicates: ReadonlySet<string>,
): PlausibilityFlag[] {
  const own = row.flags ?? [];
  return duplicates.has(row.id) ? [...own, 'duplicate'] : [...own];
}
