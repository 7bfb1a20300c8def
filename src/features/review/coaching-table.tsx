import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { compareByNeed, type TraineeCoaching } from './coaching-rule';
import { useCoachingReasons } from './coaching-text';
import { formatDay, percent, traineeHref } from './review-format';
import './coaching.css';

export type CoachingSortKey =
  'need' | 'name' | 'attempts' | 'passRate' | 'average' | 'weakest' | 'lastAt' | 'trend';

const TREND_ORDER = { down: 0, flat: 1, up: 2 } as const;
const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

function sortValue(e: TraineeCoaching, key: Exclude<CoachingSortKey, 'need'>): string | number {
  switch (key) {
    case 'name':
      return e.name;
    case 'weakest':
      return e.weakest ? PRINCIPLES.indexOf(e.weakest) : PRINCIPLES.length;
    case 'trend':
      return e.trend ? TREND_ORDER[e.trend] : 3;
    case 'attempts':
    case 'lastAt':
      return e[key];
    default:
      // No figure sorts after every figure, whichever way.
      return e[key] ?? Infinity;
  }
}

/** A sorted copy; ties keep the coaching order, so the ones needing coaching stay on top of equals. */
export function sortCoaching(
  entries: readonly TraineeCoaching[],
  key: CoachingSortKey,
  dir: 'asc' | 'desc',
): TraineeCoaching[] {
  const ranked = [...entries].sort(compareByNeed);
  if (key === 'need') return dir === 'asc' ? ranked : ranked.reverse();
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = ranked.map((e, i) => ({ e, i, v: sortValue(e, key) }));
  keyed.sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i));
  return keyed.map((k) => k.e);
}

/** Per-trainee figures, sortable by every column; the default order is the stated coaching rule's. */
export function CoachingTable({ entries }: { entries: readonly TraineeCoaching[] }) {
  const { t, i18n } = useTranslation('review');
  const reasons = useCoachingReasons();
  const [sort, setSort] = useState<{ key: CoachingSortKey; dir: 'asc' | 'desc' }>({
    key: 'need',
    dir: 'asc',
  });
  const sorted = useMemo(() => sortCoaching(entries, sort.key, sort.dir), [entries, sort]);
  const onSort = (key: CoachingSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'attempts' || key === 'lastAt' ? 'desc' : 'asc' },
    );
  const columns: Array<{ key: CoachingSortKey; label: string }> = [
    { key: 'name', label: t('coaching.col.trainee') },
    { key: 'need', label: t('coaching.col.status') },
    { key: 'attempts', label: t('coaching.col.attempts') },
    { key: 'passRate', label: t('coaching.col.passRate') },
    { key: 'average', label: t('coaching.col.average') },
    { key: 'weakest', label: t('coaching.col.weakest') },
    { key: 'lastAt', label: t('coaching.col.lastActive') },
    { key: 'trend', label: t('coaching.col.trend') },
  ];
  const label = (key: CoachingSortKey) => columns.find((c) => c.key === key)!.label;

  return (
    <table className="data-table coaching-table" data-testid="coaching-table" role="table">
      <caption className="visually-hidden">{t('coaching.caption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              role="columnheader"
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              <button
                type="button"
                className="review-sort"
                onClick={() => onSort(c.key)}
                aria-label={t('table.sortBy', { column: c.label })}
                data-testid={`coaching-sort-${c.key}`}
              >
                {c.label}
                <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {sorted.map((e) => (
          <tr
            key={e.traineeId}
            role="row"
            data-testid="coaching-row"
            data-trainee-id={e.traineeId}
            data-status={e.status}
            className={`coaching-row coaching-row--${e.status}`}
          >
            <th scope="row" role="rowheader">
              <a href={traineeHref(e.traineeId)}>{e.name}</a>
            </th>
            <td role="cell" data-label={label('need')}>
              <span className={`coaching-status coaching-status--${e.status}`}>
                {t(`coaching.status.${e.status}`)}
              </span>
              {e.status === 'coach' ? (
                <span className="coaching-reasons review-muted" data-testid="coaching-reasons">
                  {reasons(e)}
                </span>
              ) : null}
            </td>
            <td role="cell" data-label={label('attempts')} className="review-num">
              {e.attempts}
              {e.abandoned || e.implausible ? (
                <span className="coaching-extra review-muted">
                  {e.abandoned ? t('coaching.abandonedCount', { count: e.abandoned }) : null}
                  {e.abandoned && e.implausible ? ' · ' : null}
                  {e.implausible ? (
                    <span className="coaching-flagged" data-testid="coaching-flagged">
                      <span aria-hidden="true">⚠ </span>
                      {t('coaching.flaggedCount', { count: e.implausible })}
                    </span>
                  ) : null}
                </span>
              ) : null}
            </td>
            <td
              role="cell"
              data-label={label('passRate')}
              className="review-num"
              data-testid="coaching-pass-rate"
            >
              {percent(e.passRate)}
            </td>
            <td role="cell" data-label={label('average')} className="review-num">
              {e.average ?? '—'}
            </td>
            <td
              role="cell"
              data-label={label('weakest')}
              data-testid="coaching-weakest"
              data-principle={e.weakest ?? ''}
            >
              {e.weakest ? `${t(`principle.${e.weakest}`)} (${Math.round(e.principles[e.weakest]!)})` : '—'}
            </td>
            <td role="cell" data-label={label('lastAt')}>
              {e.lastAt ? formatDay(e.lastAt, i18n.language) : '—'}
            </td>
            <td role="cell" data-label={label('trend')} data-trend={e.trend ?? 'none'}>
              {e.trend ? (
                <span
                  className={`coaching-trend coaching-trend--${e.trend}`}
                  title={t(`coaching.trend.${e.trend}`)}
                >
                  <span aria-hidden="true">{ARROW[e.trend]} </span>
                  {t(`coaching.trend.${e.trend}`)}
                </span>
              ) : (
                <span className="review-muted">{t('coaching.trend.none')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
