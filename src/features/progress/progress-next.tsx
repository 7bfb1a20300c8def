import { useTranslation } from 'react-i18next';
import { routeHref } from '@/state/route';
import type { Suggestion } from './progress-stats';

interface Props {
  suggestion: Suggestion | null;
  average: number | null;
  title: (scenarioId: string) => string;
}

export function ProgressNext({ suggestion, average, title }: Props) {
  const { t } = useTranslation('progress');
  return (
    <section
      className="panel progress-next"
      aria-labelledby="progress-next-title"
      data-testid="progress-next"
    >
      <h2 id="progress-next-title">{t('next.title')}</h2>
      {suggestion ? (
        <>
          <p data-principle={suggestion.principle} data-testid="progress-next-why">
            {t('next.why', {
              principle: t(`principle.${suggestion.principle}`),
              average: average ?? '—',
              scenario: title(suggestion.scenarioId),
              count: suggestion.responses,
            })}
          </p>
          <p>
            <a
              className="button button--primary"
              href={routeHref.play(suggestion.scenarioId)}
              data-testid="progress-next-start"
              data-scenario={suggestion.scenarioId}
            >
              {t('next.start', { scenario: title(suggestion.scenarioId) })}
            </a>
          </p>
        </>
      ) : (
        <p>{t('next.none')}</p>
      )}
      <p className="progress-muted">{t('next.rule')}</p>
    </section>
  );
}
