import { useMemo } from 'react';
import { duplicateIds } from '@/records/aggregate';
import { useRecords } from '@/state/records-store';

/** Ids of attempts whose transcript is also stored under another trainee, over every stored row. */
export function useDuplicates(): ReadonlySet<string> {
  const rows = useRecords((s) => s.rows);
  return useMemo(() => duplicateIds(rows), [rows]);
}
