import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptRow } from '@/records/attempt-row';
import { useRecords } from '@/state/records-store';
import { CoachingHeatMap } from './coaching-heat-map';
import { COACHING_RULE, coachTeam, criticalRules, heatMap } from './coaching-rule';
import { CoachingTable } from './coaching-table';
import { useDuplicates } from './use-duplicates';
import './coaching.css';

/** The stated rule, in the page's words, with the numbers the code uses. */
export function CoachingRuleText() {
  const { t } = useTranslation('review');
  return (
    <p className="coaching-rule" data-testid="coaching-rule">
      {t('coaching.rule', {
        rate: Math.round(COACHING_RULE.passRateBelow * 100),
        window: COACHING_RULE.window,
        critical: COACHING_RULE.criticalWindow,
      })}
    </p>
  );
}

/** "Who needs coaching?" in one glance: every stored attempt, not the filtered table below. */
export function CoachingPanel({ rows }: { rows: readonly AttemptRow[] }) {
  const { t } = useTranslation('review');
  const rubric = useRecords((s) => s.rubric);
  const duplicates = useDuplicates();
  const entries = useMemo(
    () => coachTeam(rows, criticalRules(rubric), duplicates),
    [rows, rubric, duplicates],
  );
  const map = useMemo(() => heatMap(entries), [entries]);
  const coach = entries.filter((e) => e.status === 'coach').length;
  return (
    <section className="panel coaching" aria-labelledby="coaching-title" data-testid="coaching-panel">
      <h2 id="coaching-title">{t('coaching.title')}</h2>
      <CoachingRuleText />
      <p data-testid="coaching-count">{t('coaching.count', { coach, total: entries.length })}</p>
      <CoachingTable entries={entries} />
      <CoachingHeatMap map={map} />
    </section>
  );
}
