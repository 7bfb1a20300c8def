import type { TFunction } from 'i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import { rowFlags, type ScenarioTally } from '@/records/aggregate';
import type { AttemptRow } from '@/records/attempt-row';
import { toCsv } from '@/records/csv';

/** The attempts table as CSV: the same columns as on screen plus ids, machine-readable dates. */
export function attemptsCsv(
  rows: readonly AttemptRow[],
  titles: Record<string, LocalizedText>,
  t: TFunction<'review'>,
  lng: string,
  duplicates: ReadonlySet<string> = new Set(),
): string {
  const header = [
    'id',
    t('table.trainee'),
    'trainee id',
    t('table.scenario'),
    'scenario id',
    'scenario version',
    t('table.date'),
    `${t('table.duration')} (s)`,
    t('table.overall'),
    ...PRINCIPLES.map((p) => t(`principle.${p}`)),
    t('table.passed'),
    t('table.outcome'),
    'status',
    t('table.verification'),
    t('filters.plausibility'),
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.traineeName,
      r.traineeId,
      titles[r.scenarioId] ? pickText(titles[r.scenarioId], lng) : r.scenarioId,
      r.scenarioId,
      r.scenarioVersion,
      new Date(r.startedAt).toISOString(),
      Math.round(r.durationMs / 1000),
      r.overall,
      ...PRINCIPLES.map((p) => r.scores[p]),
      r.passed,
      r.outcome ?? '',
      r.status,
      r.verification,
      rowFlags(r, duplicates).join(' '),
    ]),
  );
}

export function scenariosCsv(
  rows: readonly ScenarioTally[],
  titles: Record<string, LocalizedText>,
  t: TFunction<'review'>,
  lng: string,
): string {
  return toCsv(
    [
      t('table.scenario'),
      'scenario id',
      t('summary.attempts'),
      t('table.passed'),
      t('summary.passRate'),
      t('summary.average'),
    ],
    rows.map((s) => [
      titles[s.scenarioId] ? pickText(titles[s.scenarioId], lng) : s.scenarioId,
      s.scenarioId,
      s.attempts,
      s.passed,
      Math.round(s.passRate * 1000) / 10,
      s.averageOverall,
    ]),
  );
}

export const csvFilename = (what: string) => `composure-${what}-${new Date().toISOString().slice(0, 10)}.csv`;
