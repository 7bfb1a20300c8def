import { z } from 'zod';
import { contentHash, HASH_VERSION } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadRubric } from '@/engine/load/load-rubric';
import { loadScenario } from '@/engine/load/load-scenario';
import { RECORD_VERSION, type AttemptRecord } from './attempt-record';
import { AttemptRecordSchema } from './attempt-record-schema';
import { migrateRecord } from './migrations';

export const BUNDLE_FORMAT = 'composure-attempts';
/** v2 added `hashVersion`. v1 bundles (no field) were hashed with scheme 1. */
export const BUNDLE_VERSION = 2;
export const MIN_BUNDLE_VERSION = 1;
/** Above a whole team's export (100,000 attempts is ~120 MB) but stops a runaway file before it is read. */
export const MAX_BUNDLE_BYTES = 192 * 1024 * 1024;
export const MAX_BUNDLE_ATTEMPTS = 200_000;

export interface AttemptBundle {
  format: typeof BUNDLE_FORMAT;
  bundleVersion: typeof BUNDLE_VERSION;
  /** The scheme of every hash in the bundle (keys, record hashes, checksum): `HASH_VERSION`. */
  hashVersion: typeof HASH_VERSION;
  exportedAt: string;
  /** Every scenario version the attempts were played on, keyed by content hash. */
  scenarios: Record<string, Scenario>;
  /** Every rubric version, keyed by hash, so the importer can recompute scores without the exporter's app. */
  rubrics: Record<string, Rubric>;
  attempts: AttemptRecord[];
  /** `contentHash` of the bundle without this field: catches truncation and casual edits. */
  checksum: string;
}

export type RefusalReason =
  | 'too-large'
  | 'unreadable'
  | 'invalid-json'
  | 'not-a-bundle'
  | 'newer-version'
  | 'old-version'
  | 'bad-checksum'
  | 'invalid-record'
  | 'invalid-scenario'
  | 'invalid-rubric'
  | 'quota'
  | 'storage';

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** Technical detail (field path, version number); the UI shows a translated message for `reason`. */
  detail: string;
}

export interface ParsedBundle {
  ok: true;
  attempts: AttemptRecord[];
  scenarios: Map<string, Scenario>;
  rubrics: Map<string, Rubric>;
  /** Records that came in an older record version and were upgraded. */
  migrated: number;
}

const Hash = z.string().regex(/^[0-9a-f]{8,64}$/);
const Envelope = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  bundleVersion: z.number().int(),
  hashVersion: z.literal(HASH_VERSION).optional(),
  exportedAt: z.string().max(40),
  scenarios: z.record(Hash, z.unknown()),
  rubrics: z.record(Hash, z.unknown()).optional(),
  attempts: z.array(z.unknown()).max(MAX_BUNDLE_ATTEMPTS),
  checksum: Hash,
});

export function bundleChecksum(payload: Omit<AttemptBundle, 'checksum'> | Record<string, unknown>): string {
  const { checksum: _ignored, ...rest } = payload as Record<string, unknown>;
  return contentHash(rest);
}

export function buildBundle(input: {
  attempts: AttemptRecord[];
  scenarios: Record<string, Scenario>;
  rubrics: Record<string, Rubric>;
  exportedAt?: Date;
}): AttemptBundle {
  const payload = {
    format: BUNDLE_FORMAT,
    bundleVersion: BUNDLE_VERSION,
    hashVersion: HASH_VERSION,
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    scenarios: input.scenarios,
    rubrics: input.rubrics,
    attempts: input.attempts,
  } as const;
  return { ...payload, checksum: bundleChecksum(payload) };
}

const refuse = (reason: RefusalReason, detail: string): Refusal => ({ ok: false, reason, detail });
const where = (issue: z.core.$ZodIssue | undefined) =>
  issue ? `${issue.path.join('/') || '(root)'}: ${issue.message}` : '';

/**
 * Validates a whole bundle before anything is written: envelope, version, checksum, every scenario
 * and rubric snapshot (loadable, and hashing to its key, so nobody can smuggle a different scenario
 * under a known hash) and every record (migrated, then the v1 schema). One bad part refuses it all.
 */
export function parseBundle(text: string): ParsedBundle | Refusal {
  try {
    return parseUnsafe(text);
  } catch (error) {
    // Pathological input (nesting deep enough to overflow a recursive walk) lands here.
    return refuse('not-a-bundle', error instanceof Error ? error.message : String(error));
  }
}

function parseUnsafe(text: string): ParsedBundle | Refusal {
  if (text.length > MAX_BUNDLE_BYTES) return refuse('too-large', `${text.length} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse('invalid-json', error instanceof Error ? error.message.slice(0, 200) : 'syntax error');
  }
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    (raw as { format?: unknown }).format !== BUNDLE_FORMAT
  ) {
    return refuse('not-a-bundle', 'no "format": "composure-attempts"');
  }
  const version = (raw as { bundleVersion?: unknown }).bundleVersion;
  if (typeof version === 'number' && version > BUNDLE_VERSION)
    return refuse('newer-version', `bundle version ${version}`);
  if (typeof version === 'number' && version < MIN_BUNDLE_VERSION)
    return refuse('old-version', `bundle version ${version}`);
  // Absent: a v1 bundle, hashed with scheme 1. Another scheme's hashes cannot be checked here.
  const hashVersion = (raw as { hashVersion?: unknown }).hashVersion;
  if (typeof hashVersion === 'number' && hashVersion > HASH_VERSION)
    return refuse('newer-version', `hash version ${hashVersion}`);
  if (hashVersion !== undefined && hashVersion !== HASH_VERSION)
    return refuse('not-a-bundle', `hashVersion: ${JSON.stringify(hashVersion)?.slice(0, 40)}`);
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return refuse('not-a-bundle', where(envelope.error.issues[0]));
  const b = envelope.data;
  if (bundleChecksum(raw as Record<string, unknown>) !== b.checksum)
    return refuse('bad-checksum', `expected ${b.checksum}`);

  const scenarios = new Map<string, Scenario>();
  for (const [hash, value] of Object.entries(b.scenarios)) {
    const loaded = loadScenario(value);
    if (!loaded.ok)
      return refuse(
        'invalid-scenario',
        `${hash}: ${loaded.diagnostics.find((d) => d.severity === 'error')?.message ?? 'invalid'}`,
      );
    if (contentHash(value) !== hash && contentHash(loaded.scenario) !== hash)
      return refuse('invalid-scenario', `${hash}: content does not match its hash`);
    scenarios.set(hash, loaded.scenario);
  }
  const rubrics = new Map<string, Rubric>();
  for (const [hash, value] of Object.entries(b.rubrics ?? {})) {
    const loaded = loadRubric(value);
    if (!loaded.ok)
      return refuse(
        'invalid-rubric',
        `${hash}: ${loaded.diagnostics.find((d) => d.severity === 'error')?.message ?? 'invalid'}`,
      );
    if (contentHash(value) !== hash && contentHash(loaded.rubric) !== hash)
      return refuse('invalid-rubric', `${hash}: content does not match its hash`);
    rubrics.set(hash, loaded.rubric);
  }

  const attempts: AttemptRecord[] = [];
  let migrated = 0;
  for (const [i, value] of b.attempts.entries()) {
    const m = migrateRecord(value);
    if (!m.ok) return refuse('invalid-record', `attempts/${i}: ${m.reason} (${m.detail})`);
    const parsed = AttemptRecordSchema.safeParse(m.value);
    if (!parsed.success) return refuse('invalid-record', `attempts/${i}/${where(parsed.error.issues[0])}`);
    if (m.from < RECORD_VERSION) migrated += 1;
    attempts.push(parsed.data);
  }
  return { ok: true, attempts, scenarios, rubrics, migrated };
}
