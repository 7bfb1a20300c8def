import { useTranslation } from 'react-i18next';
import type { Outcome } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';

/**
 * The ending in M1's terms: which after-complaint mindset the customer left with, and what it means.
 * When the attempt failed on a good ending (a critical violation, a low score), the ending is the
 * story's, not a success: the panel says the attempt failed first and leaves out the praise.
 */
export function OutcomeExplainer({
  outcome,
  summary,
  locale,
  failed,
}: {
  outcome: Outcome | null;
  summary: LocalizedText | undefined;
  locale: string;
  /** The attempt failed although the ending is not one of the rubric's failing endings. */
  failed: boolean;
}) {
  const { t } = useTranslation('debrief');
  return (
    <section
      className={`panel outcome-panel${failed ? ' outcome-panel--failed' : ''}`}
      aria-labelledby="outcome-title"
    >
      <h2 id="outcome-title">{t('outcome.title')}</h2>
      {outcome ? (
        <>
          {failed ? (
            <p className="outcome-panel__failed" data-testid="outcome-failed">
              {t('outcome.failedNote')}
            </p>
          ) : null}
          <p className={`outcome outcome--${outcome}`} data-testid="outcome" data-outcome={outcome}>
            <strong>{t(`outcome.${outcome}.name`)}</strong>{' '}
            <span lang="zh-CN">{t(`outcome.${outcome}.mindset`)}</span>
          </p>
          {failed ? null : <p>{t(`outcome.${outcome}.explain`)}</p>}
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
