import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Evidence } from '@/engine/runtime/types';

export function VerdictBadge({ verdict }: { verdict: Evidence['verdict'] }) {
  const { t } = useTranslation('ui');
  return <span className={`badge badge--${verdict}`}>{t(`verdict.${verdict}`)}</span>;
}

/** One reason a score moved, beside the manual's rule that explains it. */
export function EvidenceItem({
  evidence,
  rubric,
  locale,
}: {
  evidence: Evidence;
  rubric: Rubric;
  locale: string;
}) {
  const { t } = useTranslation('ui');
  const rule = rubric.rules[evidence.rule];
  const critical = rule?.critical && evidence.verdict === 'violated';
  return (
    <li
      className={`evidence evidence--${evidence.verdict}`}
      data-rule={evidence.rule}
      data-verdict={evidence.verdict}
    >
      <div className="evidence__head">
        <VerdictBadge verdict={evidence.verdict} />
        <strong className="evidence__title">{rule ? pickText(rule.title, locale) : evidence.rule}</strong>
        {rule ? <span className="evidence__principle">{t(`principle.${rule.principle}`)}</span> : null}
        {critical ? <span className="badge badge--critical">{t('evidence.critical')}</span> : null}
        <span className="evidence__source">{t(`source.${evidence.source}`)}</span>
      </div>
      {evidence.quote && evidence.source !== 'author' ? (
        <p className="evidence__quote">
          {t('evidence.quote')} <q>{evidence.quote}</q>
        </p>
      ) : null}
      {rule ? (
        <>
          <p className="evidence__explanation">{pickText(rule.explanation, locale)}</p>
          <blockquote className="evidence__manual" lang="zh-CN">
            {rule.quote}
            <footer>{t('evidence.manual', { source: rule.source })}</footer>
          </blockquote>
        </>
      ) : null}
    </li>
  );
}
