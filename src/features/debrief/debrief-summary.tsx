import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { DebriefData } from '@/state/debrief-store';
import { routeHref } from '@/state/route';
import { showTurn } from './debrief-turns';
import { topFixes, type Fix } from '@/state/debrief-fixes';

/** Why a failed attempt failed, most decisive reason first (the order scoreState applies them). */
function failReason(data: DebriefData): 'critical' | 'unfinished' | 'outcome' | 'score' {
  const { record, rubric, recomputed } = data;
  if (recomputed.critical.length) return 'critical';
  if (record.status !== 'finished' || !record.result.outcome) return 'unfinished';
  return rubric.failOutcomes.includes(record.result.outcome) ? 'outcome' : 'score';
}

/**
 * The top of the debrief: passed or not, said first, with the critical violation that decided it;
 * then the three fixes worth most (top-fixes.ts states the rule), each a link that opens its turn.
 */
export function DebriefSummary({ data, locale }: { data: DebriefData; locale: string }) {
  const { t } = useTranslation('debrief');
  const { record, scenario, rubric, state, recomputed } = data;
  const result = record.result;
  const fixes = useMemo(() => topFixes(scenario, rubric, state), [scenario, rubric, state]);
  const title = (rule: string) => (rubric.rules[rule] ? pickText(rubric.rules[rule]!.title, locale) : rule);
  const critical = recomputed.critical[0];
  const reason = result.passed ? null : failReason(data);
  const href = routeHref.debrief(record.id);
  // The trainee's words once per turn: a second fix from the same answer (or the critical one,
  // already quoted above) names its rule without repeating them.
  const quoted = new Set<number>(critical?.quote ? [critical.turn] : []);
  const words = fixes.map((fix) => {
    const { quote, verdict, turn } = fix.evidence;
    if (!quote || verdict !== 'violated' || quoted.has(turn)) return null;
    quoted.add(turn);
    return quote;
  });

  const link = (fix: Fix) => (
    <a
      href={href}
      className="fix__turn"
      onClick={(event) => {
        event.preventDefault(); // the hash is the route: opening the turn must not navigate
        showTurn(fix.closing ? 'closing' : fix.evidence.turn);
      }}
    >
      {fix.closing ? t('fixes.atEnd') : t('fixes.turn', { turn: fix.evidence.turn })}
    </a>
  );

  return (
    <section
      className={`panel verdict verdict--${result.passed ? 'pass' : 'fail'}`}
      aria-labelledby="verdict-title"
      data-testid="debrief-summary"
    >
      <h2 id="verdict-title" data-testid="result-passed" data-passed={String(result.passed)}>
        {result.passed ? t('verdict.passed') : t('verdict.failed')}
      </h2>
      {reason === 'critical' && critical ? (
        <p className="verdict__reason" data-testid="verdict-critical" data-rule={critical.rule}>
          {t('verdict.critical', { rule: title(critical.rule), turn: critical.turn })}
          {critical.quote ? (
            <>
              {' '}
              {t('verdict.youSaid')} <q lang={state.locale}>{critical.quote}</q>
            </>
          ) : null}
        </p>
      ) : reason ? (
        <p className="verdict__reason" data-testid="verdict-reason">
          {t(`verdict.${reason}`, {
            overall: Math.round(result.overall),
            mark: result.passMark,
            ending: result.outcome ? t(`outcome.${result.outcome}.name`) : '',
          })}
        </p>
      ) : null}
      {fixes.length ? (
        <>
          <h3 id="fixes-title">{t('fixes.title', { count: fixes.length })}</h3>
          <ol className="fixes" aria-labelledby="fixes-title" data-testid="top-fixes">
            {fixes.map((fix, i) => (
              <li
                key={fix.evidence.rule}
                className="fix"
                data-rule={fix.evidence.rule}
                data-turn={fix.closing ? 'closing' : fix.evidence.turn}
              >
                {link(fix)} <strong>{title(fix.evidence.rule)}</strong>
                {fix.critical ? <span className="badge badge--critical">{t('fixes.critical')}</span> : null}
                {words[i] ? (
                  <>
                    {' '}
                    {t('verdict.youSaid')} <q lang={state.locale}>{words[i]}</q>
                  </>
                ) : null}
                {!fix.critical && fix.gain > 0 ? (
                  <span className="fix__gain"> {t('fixes.gain', { count: fix.gain })}</span>
                ) : null}
              </li>
            ))}
          </ol>
          <p className="fixes__rule">{t('fixes.rule')}</p>
        </>
      ) : null}
    </section>
  );
}
