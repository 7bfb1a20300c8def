import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';
import type { AttemptRow } from './attempt-row';
import type { Draft, RecordsBackend, WriteBatch } from './backend';

/** Records kept for this tab only: the fallback when IndexedDB cannot be opened. */
export function createMemoryBackend(): RecordsBackend {
  const attempts = new Map<string, AttemptRecord>();
  const rows = new Map<string, AttemptRow>();
  const scenarios = new Map<string, Scenario>();
  const rubrics = new Map<string, Rubric>();
  const drafts = new Map<string, Draft>();
  // structuredClone keeps callers from mutating stored data, as IndexedDB would.
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    kind: 'memory',
    async write(batch: WriteBatch) {
      for (const a of batch.attempts) attempts.set(a.id, copy(a));
      for (const r of batch.rows) rows.set(r.id, copy(r));
      for (const s of batch.scenarios) if (!scenarios.has(s.hash)) scenarios.set(s.hash, copy(s.scenario));
      for (const r of batch.rubrics) if (!rubrics.has(r.hash)) rubrics.set(r.hash, copy(r.rubric));
      for (const id of batch.deleteDrafts ?? []) drafts.delete(id);
    },
    async getAttempt(id) {
      const a = attempts.get(id);
      return a && copy(a);
    },
    async getAttempts(ids) {
      return ids.flatMap((id) => {
        const a = attempts.get(id);
        return a ? [copy(a)] : [];
      });
    },
    async existingIds(ids) {
      return new Set(ids.filter((id) => attempts.has(id)));
    },
    async listRows() {
      return [...rows.values()];
    },
    async putRows(list) {
      for (const r of list) rows.set(r.id, r);
    },
    async getScenario(hash) {
      return scenarios.get(hash);
    },
    async getRubric(hash) {
      return rubrics.get(hash);
    },
    async listScenarios() {
      return [...scenarios].map(([hash, scenario]) => ({ hash, scenario }));
    },
    async getDraft(attemptId) {
      const d = drafts.get(attemptId);
      return d && copy(d);
    },
    async listDrafts() {
      return [...drafts.values()].map(copy);
    },
    async putDraft(d) {
      drafts.set(d.attemptId, copy(d));
    },
    async deleteDraft(attemptId) {
      drafts.delete(attemptId);
    },
    async clear() {
      attempts.clear();
      rows.clear();
      scenarios.clear();
      rubrics.clear();
      drafts.clear();
    },
    close() {},
  };
}
