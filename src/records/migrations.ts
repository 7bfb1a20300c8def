import { z } from 'zod';
import { contentHash } from '@/engine/format/content-hash';
import { MIN_RECORD_VERSION, RECORD_VERSION } from './attempt-record';

/**
 * Record v0 is the prototype's sketch, written before records carried a version: flat scenario and
 * trainee fields, ISO date strings, turns as `{response | said | timedOut}`, and mood as [anger, trust]
 * pairs. Bundles exported by that prototype still turn up, so they are read and upgraded, never rejected.
 */
const V0Turn = z.object({
  node: z.string(),
  response: z.string().optional(),
  said: z.string().optional(),
  timedOut: z.boolean().optional(),
  time: z.string(),
  ms: z.number().optional(),
});
const V0Score = z.number().min(0).max(100).nullable().optional();
export const RecordV0Schema = z.object({
  id: z.string().min(1).max(100),
  traineeName: z.string().max(200),
  traineeId: z.string().min(1).max(100).optional(),
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  scenarioHash: z.string(),
  rubricId: z.string().optional(),
  rubricHash: z.string(),
  lang: z.string(),
  started: z.string(),
  finished: z.string().nullable(),
  turns: z.array(V0Turn).max(1000),
  score: z.object({
    listening: V0Score,
    apology: V0Score,
    resolution: V0Score,
    etiquette: V0Score,
    overall: z.number(),
    passed: z.boolean(),
    passMark: z.number().optional(),
    critical: z.array(z.string()).max(1000),
    outcome: z.string().nullable(),
    mood: z.array(z.tuple([z.number(), z.number()])).max(2000),
    broken: z.array(z.string()).max(1000).optional(),
    missed: z.array(z.string()).max(1000).optional(),
  }),
});
export type RecordV0 = z.infer<typeof RecordV0Schema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** v0 ids were free strings; a stable uuid derived from the old id keeps re-imports de-duplicated. */
export function uuidFromLegacyId(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const hex = contentHash(`a:${id}`) + contentHash(`b:${id}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= 0 ? t : 0;
};

function v0ToV1(raw: unknown): unknown {
  const parsed = RecordV0Schema.safeParse(raw);
  if (!parsed.success)
    throw new MigrationError(`not a v0 record: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const r = parsed.data;
  const startedAt = time(r.started);
  const lastTurn = r.turns.at(-1);
  return {
    recordVersion: 1 as const,
    id: uuidFromLegacyId(r.id),
    // The prototype only saved an outcome when the customer reached an ending.
    status: r.finished !== null && r.score.outcome !== null ? 'finished' : 'abandoned',
    trainee: { id: r.traineeId ?? `name:${r.traineeName.trim().toLowerCase()}`, name: r.traineeName },
    scenario: { id: r.scenarioId, version: r.scenarioVersion, contentHash: r.scenarioHash },
    rubric: { id: r.rubricId ?? 'default', hash: r.rubricHash },
    locale: r.lang,
    startedAt,
    finishedAt: r.finished !== null ? time(r.finished) : lastTurn ? time(lastTurn.time) : startedAt,
    turns: r.turns.map((t) => ({
      node: t.node,
      responseId: t.response ?? null,
      ...(t.said !== undefined ? { text: t.said } : {}),
      ...(t.timedOut ? { silence: true } : {}),
      at: time(t.time),
      msToAnswer: t.ms ?? null,
    })),
    result: {
      scores: {
        listening: r.score.listening ?? null,
        apology: r.score.apology ?? null,
        resolution: r.score.resolution ?? null,
        etiquette: r.score.etiquette ?? null,
      },
      overall: r.score.overall,
      passed: r.score.passed,
      // v0 did not store the pass mark; 70 was the only rubric then. Verification recomputes it anyway.
      passMark: r.score.passMark ?? 70,
      // v0 kept only the rule ids of critical violations, not the turn.
      critical: r.score.critical.map((rule) => ({ rule, turn: 0 })),
      outcome: r.score.outcome,
      moodCurve: r.score.mood.map(([anger, trust]) => ({ anger, trust })),
      violated: [...new Set(r.score.broken ?? [])].sort(),
      missed: [...new Set(r.score.missed ?? [])].sort(),
    },
  };
}

export class MigrationError extends Error {}

/** `MIGRATIONS[n]` upgrades a record of version n to n + 1. */
export const MIGRATIONS: Record<number, (raw: unknown) => unknown> = {
  0: v0ToV1,
  1: v1ToV2,
};

/** v2 adds the display-order seed; attempts before it were shown in the authored order. */
function v1ToV2(raw: unknown): unknown {
  const r = raw as Record<string, unknown>;
  return { ...r, recordVersion: 2, seed: null };
}

export function recordVersionOf(raw: unknown): number | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const v = (raw as Record<string, unknown>).recordVersion;
  if (v === undefined) return 'traineeName' in raw && 'scenarioId' in raw ? 0 : null;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

export type MigrationOutcome =
  | { ok: true; value: unknown; from: number }
  | { ok: false; reason: 'not-a-record' | 'newer-version' | 'too-old' | 'invalid'; detail: string };

/** Brings any readable record up to `RECORD_VERSION`. The result still has to pass the v1 schema. */
export function migrateRecord(raw: unknown): MigrationOutcome {
  const from = recordVersionOf(raw);
  if (from === null) return { ok: false, reason: 'not-a-record', detail: 'no recordVersion' };
  if (from > RECORD_VERSION) return { ok: false, reason: 'newer-version', detail: `record version ${from}` };
  if (from < MIN_RECORD_VERSION) return { ok: false, reason: 'too-old', detail: `record version ${from}` };
  let value = raw;
  try {
    for (let v = from; v < RECORD_VERSION; v += 1) {
      const step = MIGRATIONS[v];
      if (!step) return { ok: false, reason: 'too-old', detail: `no migration from version ${v}` };
      value = step(value);
    }
  } catch (error) {
    return { ok: false, reason: 'invalid', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, value, from };
}
