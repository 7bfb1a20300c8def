import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import { useRecords } from '@/state/records-store';
import { COACHING_RULE, type TraineeCoaching } from './coaching-rule';
import { percent } from './review-format';

/** A rule's title in the current language from the app's rubric; the id when the rubric lacks it. */
export function useRuleTitle(): (rule: string) => string {
  const { i18n } = useTranslation('review');
  const rubric = useRecords((s) => s.rubric);
  return (rule: string) => {
    const title = rubric?.rules[rule]?.title;
    return title ? pickText(title, i18n.language) : rule;
  };
}

/** Why the rule picked a trainee, in words: the low pass rate, the critical rule, or both. */
export function useCoachingReasons(): (entry: TraineeCoaching) => string {
  const { t } = useTranslation('review');
  const ruleTitle = useRuleTitle();
  return (e) =>
    [
      e.windowPassRate !== null && e.windowPassRate < COACHING_RULE.passRateBelow
        ? t('coaching.reason.lowPassRate', {
            rate: percent(e.windowPassRate),
            count: Math.min(e.attempts, COACHING_RULE.window),
          })
        : null,
      e.critical ? t('coaching.reason.critical', { rule: ruleTitle(e.critical.rule) }) : null,
    ]
      .filter(Boolean)
      .join(t('coaching.reason.sep'));
}
