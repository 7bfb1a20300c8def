import { useMemo, useState } from 'react';
import { sortRows, type SortDir, type SortKey } from '@/records/aggregate';
import type { AttemptRow } from '@/records/attempt-row';

/** Newest first by default; clicking the sorted column flips it, another column starts descending for numbers. */
export function useSortedRows(rows: AttemptRow[]) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'startedAt', dir: 'desc' });
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const onSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'trainee' || key === 'scenario' ? 'asc' : 'desc' },
    );
  return { sorted, sort, onSort };
}
