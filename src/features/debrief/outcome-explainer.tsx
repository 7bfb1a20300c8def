import { useTranslation } from 'react-i18next';
import type { Outcome } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';

/** The ending in M1's terms: which after-complaint mindset the customer left with, and what it means. */
export function OutcomeExplainer({
  outcome,
  summary,
  locale,
}: {
  outcome: Outcome | null;
  summary: LocalizedText | undefined;
  locale: string;
}) {
  const { t } = useTranslation('debrief');
  return (
    <section className="panel outcome-panel" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t('outcome.title')}</h2>
      {outcome ? (
        <>
          <p className={`outcome outcome--${outcome}`} data-testid="outcome" data-outcome={outcome}>
            <strong>{t(`outcome.${outcome}.name`)}</strong>{' '}
            <span lang="zh-CN">{t(`outcome.${outcome}.mindset`)}</span>
          </p>
          <p>{t(`outcome.${outcome}.explain`)}</p>
        </>
      ) : (
        <p data-testid="outcome" data-outcome="none">
          {t('outcome.none')}
        </p>
      )}
      {summary ? <p className="outcome-panel__summary">{pickText(summary, locale)}</p> : null}
    </section>
  );
}
