import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { BrokenRule } from './progress-stats';

export function ProgressRules({ rules, rubric }: { rules: readonly BrokenRule[]; rubric: Rubric | null }) {
  const { t, i18n } = useTranslation('progress');
  if (!rules.length) return <p className="progress-muted">{t('rules.empty')}</p>;
  return (
    <ol className="progress-rules" data-testid="progress-rules">
      {rules.map(({ rule, count }) => {
        const known = rubric && Object.hasOwn(rubric.rules, rule) ? rubric.rules[rule] : undefined;
        return (
          <li key={rule} data-rule={rule}>
            <span className="progress-rules__title">
              {known ? pickText(known.title, i18n.language) : rule}
            </span>
            {known ? <span className="progress-muted"> · {t(`principle.${known.principle}`)}</span> : null}
            <span className="progress-rules__count">{t('rules.count', { count })}</span>
          </li>
        );
      })}
    </ol>
  );
}
