import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '@/engine/format/localized-text';
import type { ScenarioSummary } from '@/engine/format/catalogue-index';
import { routeHref } from '@/state/route';

interface Props {
  scenario: ScenarioSummary;
  locale: string;
  best: number | undefined;
  hasDraft: boolean;
  /** Where the scenario comes from, when not the deployment ("Added in this browser"). */
  badge?: string;
  children?: ReactNode;
}

export function ScenarioCard({ scenario, locale, best, hasDraft, badge, children }: Props) {
  const { t } = useTranslation('library');
  const titleId = `scenario-${scenario.id}-title`;
  return (
    <article
      className="card scenario-card"
      aria-labelledby={titleId}
      data-testid={`scenario-card-${scenario.id}`}
    >
      <h2 id={titleId} className="scenario-card__title">
        {pickText(scenario.title, locale)}
      </h2>
      {badge ? <p className="chip scenario-card__origin">{badge}</p> : null}
      <p className="scenario-card__brief">{pickText(scenario.brief, locale)}</p>
      <ul className="scenario-card__meta" aria-label={t('card.details')}>
        <li className={`chip chip--${scenario.channel}`}>{t(`channel.${scenario.channel}`)}</li>
        <li className={`chip chip--${scenario.difficulty}`}>{t(`difficulty.${scenario.difficulty}`)}</li>
        <li className="chip">{t('card.minutes', { count: scenario.minutes })}</li>
      </ul>
      <p className="scenario-card__best" data-testid={`best-${scenario.id}`}>
        {best === undefined ? t('card.notYet') : t('card.best', { score: Math.round(best) })}
      </p>
      <a className="button button--primary" href={routeHref.play(scenario.id)}>
        {hasDraft ? t('card.continue') : best === undefined ? t('card.start') : t('card.again')}
        <span className="visually-hidden">: {pickText(scenario.title, locale)}</span>
      </a>
      {children}
    </article>
  );
}
