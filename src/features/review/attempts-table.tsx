import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import { rowFlags, type SortDir, type SortKey } from '@/records/aggregate';
import type { AttemptRow } from '@/records/attempt-row';
import { OutcomeText } from './coaching-verdict';
import { attemptHref, formatDuration, formatShortDate, traineeHref } from './review-format';
import { useDuplicates } from './use-duplicates';
import { PlausibilityBadge, VerificationBadge } from './verification-badge';

interface Props {
  rows: AttemptRow[];
  titles: Record<string, LocalizedText>;
  sort: { key: SortKey; dir: SortDir };
  onSort: (key: SortKey) => void;
  /** Hide the trainee column on a trainee's own page. */
  showTrainee?: boolean;
}

const ROW_HEIGHT = 44;

/**
 * ARIA table built from divs so only the rows in view exist in the DOM (100,000 rows scroll smoothly);
 * aria-rowcount / aria-rowindex tell screen readers the real size and position.
 */
export function AttemptsTable({ rows, titles, sort, onSort, showTrainee = true }: Props) {
  const { t, i18n } = useTranslation('review');
  const scroller = useRef<HTMLDivElement>(null);
  const duplicates = useDuplicates();
  // The virtualizer is deliberately un-memoised by the React Compiler; it re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom has no layout; an initial size lets the first rows render before measuring.
    initialRect: { width: 1200, height: 520 },
  });
  const lng = i18n.language;
  const columns: Array<{ key: SortKey; label: string }> = [
    ...(showTrainee ? [{ key: 'trainee' as const, label: t('table.trainee') }] : []),
    { key: 'scenario', label: t('table.scenario') },
    { key: 'startedAt', label: t('table.date') },
    { key: 'durationMs', label: t('table.duration') },
    { key: 'overall', label: t('table.overall') },
    ...PRINCIPLES.map((p) => ({ key: p, label: t(`principle.${p}`) })),
    { key: 'passed', label: t('table.passed') },
    { key: 'outcome', label: t('table.outcome') },
    { key: 'verification', label: t('table.verification') },
  ];
  const gridClass = showTrainee ? 'review-grid' : 'review-grid review-grid--no-trainee';
  const score = (n: number | null) => (n === null ? t('table.none') : String(Math.round(n)));

  return (
    <div
      role="table"
      aria-label={t('table.caption')}
      aria-rowcount={rows.length + 1}
      className={showTrainee ? 'review-table' : 'review-table review-table--no-trainee'}
      data-testid="attempts-table"
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${gridClass} review-table__head`}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className="review-sort"
                onClick={() => onSort(c.key)}
                aria-label={t('table.sortBy', { column: c.label })}
              >
                {c.label}
                <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </div>
          ))}
          <div role="columnheader">
            <span className="visually-hidden">{t('table.open')}</span>
          </div>
        </div>
      </div>
      {/* Only as tall as its rows, up to a screenful; the rows scroll inside. */}
      <div
        ref={scroller}
        className="review-table__scroll"
        role="rowgroup"
        tabIndex={0}
        style={{ height: Math.min(520, rows.length * ROW_HEIGHT + 2) }}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const r = rows[item.index]!;
            const title = titles[r.scenarioId];
            const date = formatShortDate(r.startedAt, lng);
            return (
              <div
                key={r.id}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${gridClass} review-table__row`}
                data-testid="attempt-row"
                data-attempt-id={r.id}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
              >
                {showTrainee ? (
                  <div role="cell" className="review-cell--text">
                    <a href={traineeHref(r.traineeId)}>{r.traineeName}</a>
                  </div>
                ) : null}
                <div role="cell" className="review-cell--text">
                  {title ? pickText(title, lng) : r.scenarioId}{' '}
                  <span className="review-muted">v{r.scenarioVersion}</span>
                </div>
                <div role="cell">{date}</div>
                <div role="cell">{formatDuration(r.durationMs, t)}</div>
                <div role="cell" className="review-num" data-testid="cell-overall">
                  {score(r.overall)}
                </div>
                {PRINCIPLES.map((p) => (
                  <div key={p} role="cell" className="review-num">
                    {score(r.scores[p])}
                  </div>
                ))}
                <div role="cell" className={r.passed ? 'result--pass' : 'result--fail'}>
                  {r.passed ? t('table.yes') : t('table.no')}
                </div>
                <div role="cell">
                  <OutcomeText row={r} />
                </div>
                <div role="cell" className="review-flags">
                  <VerificationBadge value={r.verification} />
                  <PlausibilityBadge flags={rowFlags(r, duplicates)} />
                  {r.practice ? (
                    // Listed, never averaged: a retry from a turn replays part of another attempt.
                    <span
                      className="review-verify review-verify--practice"
                      data-testid="practice-badge"
                      title={t('practice.title')}
                    >
                      {t('practice.badge')}
                    </span>
                  ) : null}
                </div>
                <div role="cell">
                  <a
                    href={attemptHref(r.id)}
                    aria-label={t('table.openAttempt', { name: r.traineeName, date })}
                  >
                    {t('table.open')}
                  </a>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
