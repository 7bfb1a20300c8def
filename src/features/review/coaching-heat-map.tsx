import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeatMap } from './coaching-rule';
import { useRuleTitle } from './coaching-text';
import { percent, traineeHref } from './review-format';
import './coaching.css';

/** Six shades from never (0) to always; each cell also prints its number, so colour is never alone. */
export const heatLevel = (rate: number) => (rate <= 0 ? 0 : Math.min(5, Math.ceil(rate * 5)));

/**
 * Trainee × rule: the share of each trainee's counted attempts that broke the rule. A real table
 * (row and column headers), scrolling inside its own focusable region on a narrow screen.
 */
export function CoachingHeatMap({ map }: { map: HeatMap }) {
  const { t } = useTranslation('review');
  const ruleTitle = useRuleTitle();
  const titleId = useId();
  const descId = useId();
  return (
    <section className="coaching-heat" data-testid="coaching-heat-map" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('coaching.heat.title')}</h3>
      <p id={descId} className="review-muted">
        {t('coaching.heat.desc')}
      </p>
      {map.rules.length ? (
        <div
          className="coaching-scroll"
          role="region"
          aria-label={t('coaching.heat.scroll')}
          // Keyboard users can scroll a wide map sideways on a phone.
          tabIndex={0}
        >
          <table className="coaching-heat__table" aria-describedby={descId}>
            <caption className="visually-hidden">{t('coaching.heat.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coaching.heat.trainee')}</th>
                {map.rules.map((rule) => (
                  <th key={rule} scope="col" data-rule={rule}>
                    {ruleTitle(rule)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {map.rows.map((row) => (
                <tr key={row.traineeId} data-testid="heat-row" data-trainee-id={row.traineeId}>
                  <th scope="row">
                    <a href={traineeHref(row.traineeId)}>{row.name}</a>
                  </th>
                  {row.rates.map((rate, i) => {
                    const rule = map.rules[i]!;
                    const weakest = rule === row.weakest;
                    return (
                      <td
                        key={rule}
                        className={`coaching-heat__cell heat-${heatLevel(rate)}${weakest ? ' heat--weakest' : ''}`}
                        data-rule={rule}
                        data-rate={rate.toFixed(3)}
                        data-weakest={weakest ? 'true' : undefined}
                      >
                        {percent(rate)}
                        {weakest ? (
                          <>
                            <span aria-hidden="true"> ★</span>
                            <span className="visually-hidden"> ({t('coaching.heat.weakest')})</span>
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="heat-none">{t('coaching.heat.none')}</p>
      )}
    </section>
  );
}
