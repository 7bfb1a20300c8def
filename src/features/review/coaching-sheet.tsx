import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { AttemptRow } from '@/records/attempt-row';
import { useRecords } from '@/state/records-store';
import { criticalRules, failReason, type TraineeCoaching } from './coaching-rule';
import { CoachingRuleText } from './coaching-panel';
import { useCoachingReasons, useRuleTitle } from './coaching-text';
import { useFailText } from './coaching-verdict';
import { attemptHref, formatDay, formatShortDate, percent } from './review-format';
import './coaching.css';

const TOP_RULES = 3;
const MAX_FAILS = 10;

/** Prints only the sheet (coaching.css hides the rest while the class is on the body). */
function printSheet() {
  document.body.classList.add('coaching-printing');
  const done = () => {
    document.body.classList.remove('coaching-printing');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

interface Props {
  entry: TraineeCoaching;
  rows: readonly AttemptRow[];
  titles: Record<string, LocalizedText>;
}

/** One trainee's coaching sheet: on screen, and printable on its own with space for notes. */
export function CoachingSheet({ entry, rows, titles }: Props) {
  const { t, i18n } = useTranslation('review');
  const lng = i18n.language;
  const rubric = useRecords((s) => s.rubric);
  const ruleTitle = useRuleTitle();
  const failText = useFailText();
  const reasons = useCoachingReasons();
  const critical = criticalRules(rubric);
  // The day the sheet was opened, printed on it; read once, not on every render.
  const [today] = useState(() => Date.now());
  const rules = Object.entries(entry.ruleRates)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_RULES);
  const fails = rows
    .filter((r) => r.status === 'finished' && !r.passed)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, MAX_FAILS);
  const scenario = (id: string) => (titles[id] ? pickText(titles[id], lng) : id);
  return (
    <section
      className="panel coaching-sheet"
      aria-labelledby="coaching-sheet-title"
      data-testid="coaching-sheet"
    >
      <div className="coaching-sheet__head">
        <h2 id="coaching-sheet-title">{t('coaching.sheet.title', { name: entry.name })}</h2>
        <button type="button" className="button no-print" onClick={printSheet} data-testid="print-sheet">
          {t('coaching.sheet.print')}
        </button>
      </div>
      <p className="review-muted">
        {t('trainee.id', { id: entry.traineeId })} ·{' '}
        {t('coaching.sheet.printed', { date: formatDay(today, lng) })}
      </p>
      <p>
        <span className={`coaching-status coaching-status--${entry.status}`} data-testid="sheet-status">
          {t(`coaching.status.${entry.status}`)}
        </span>{' '}
        {reasons(entry)}
      </p>
      <CoachingRuleText />
      <h3>{t('coaching.sheet.focus')}</h3>
      <ul>
        {entry.weakest ? (
          <li data-testid="sheet-weakest">
            {t('coaching.sheet.weakestPrinciple', {
              principle: t(`principle.${entry.weakest}`),
              score: Math.round(entry.principles[entry.weakest] ?? 0),
            })}
          </li>
        ) : null}
        {entry.abandoned ? <li>{t('coaching.abandonedCount', { count: entry.abandoned })}</li> : null}
        {entry.implausible ? (
          <li className="coaching-flagged">{t('coaching.flaggedCount', { count: entry.implausible })}</li>
        ) : null}
      </ul>
      {rules.length ? (
        <>
          <h3>{t('coaching.sheet.rules')}</h3>
          <ol data-testid="sheet-rules">
            {rules.map(([rule, share]) => (
              <li key={rule} data-rule={rule}>
                {t('coaching.sheet.ruleLine', { rule: ruleTitle(rule), share: percent(share) })}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <h3>{t('coaching.sheet.failed')}</h3>
      {fails.length ? (
        <ul data-testid="sheet-fails">
          {fails.map((r) => {
            const reason = failReason(r, critical, rubric?.failOutcomes ?? []);
            return (
              <li key={r.id}>
                <a href={attemptHref(r.id)}>{scenario(r.scenarioId)}</a> · {formatShortDate(r.startedAt, lng)}{' '}
                · {t('coaching.verdict.score', { score: Math.round(r.overall) })} —{' '}
                <span className="coaching-sheet__fail">
                  {reason ? failText(reason, rubric?.passMark ?? 70) : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t('coaching.sheet.noFailed')}</p>
      )}
      <div className="coaching-sheet__notes" aria-hidden="true">
        <h3>{t('coaching.sheet.notes')}</h3>
        <div />
        <div />
        <div />
        <div />
      </div>
    </section>
  );
}
