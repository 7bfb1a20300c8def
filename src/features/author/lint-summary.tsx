import { useTranslation } from 'react-i18next';
import { PRINCIPLES, type Outcome } from '@/engine/format/ids';
import { pickText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AuthorSummary, PathSummary } from '@/state/author-check';

interface Props {
  summary: AuthorSummary;
  scenario: Scenario;
  rubric: Rubric | null;
  /** False while the scenario has errors: the score search has not run. */
  scored: boolean;
  locale: string;
}

const score = (value: number | null) => (value === null ? null : Math.round(value));

export function LintSummary({ summary, scenario, rubric, scored, locale }: Props) {
  const { t } = useTranslation('author');
  const { stats } = summary;
  const outcome = (o: Outcome | null) => (o ? t(`outcome.${o}`) : t('summary.noOutcome'));
  const result = (key: 'summary.result' | 'summary.worstResult', path: PathSummary) =>
    t(key, {
      score: Math.round(path.overall),
      verdict: path.passed ? t('summary.passes') : t('summary.fails'),
      outcome: outcome(path.outcome),
    });
  const cell = (value: number | null) =>
    value === null ? <span className="author-muted">{t('summary.notScored')}</span> : value;

  return (
    <div className="author-summary" data-testid="author-summary">
      <dl className="author-stats">
        <div>
          <dt>{t('summary.nodes')}</dt>
          <dd data-testid="stat-nodes">{stats.nodes}</dd>
        </div>
        <div>
          <dt>{t('summary.decisions')}</dt>
          <dd data-testid="stat-decisions">{stats.decisions}</dd>
        </div>
        <div>
          <dt>{t('summary.endings')}</dt>
          <dd data-testid="stat-endings">{stats.endings}</dd>
        </div>
        <div>
          <dt>{t('summary.outcomes')}</dt>
          <dd>{stats.outcomes.map((o) => outcome(o as Outcome)).join(' · ')}</dd>
        </div>
        {scored ? (
          <>
            <div>
              <dt>{t('summary.paths')}</dt>
              <dd>{stats.pathsCounted ? stats.paths : t('summary.pathsMore', { count: stats.paths })}</dd>
            </div>
            <div>
              <dt>{t('summary.bestDecisions')}</dt>
              <dd>{stats.bestPathDecisions}</dd>
            </div>
          </>
        ) : null}
      </dl>

      {!scored ? (
        <p className="author-muted">{t('summary.boundsPending')}</p>
      ) : (
        <>
          <table className="author-bounds" data-testid="author-bounds" data-exact={summary.exact}>
            <caption>{t('summary.bounds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.score')}</th>
                <th scope="col">{t('summary.best')}</th>
                <th scope="col">{t('summary.worst')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-testid="bounds-overall">
                <th scope="row">{t('summary.overall')}</th>
                <td>{score(summary.overall.best)}</td>
                <td>{score(summary.overall.worst)}</td>
              </tr>
              {PRINCIPLES.map((p) => (
                <tr key={p} data-testid={`bounds-${p}`}>
                  <th scope="row">{rubric ? pickText(rubric.principles[p].title, locale) : p}</th>
                  <td>{cell(score(summary.principles[p].best))}</td>
                  <td>{cell(score(summary.principles[p].worst))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className={summary.exact ? 'author-muted' : 'notice notice--warn'} data-testid="bounds-exact">
            {summary.exact ? t('summary.exact') : t('summary.approximate')}
          </p>

          {summary.best ? (
            <section aria-labelledby="author-best-path" className="author-best-path">
              <h3 id="author-best-path">{t('summary.bestPath')}</h3>
              <p className="author-muted">{t('summary.bestPathIntro')}</p>
              <ol data-testid="author-best-path">
                {summary.best.steps.map((step, i) => {
                  const response = scenario.nodes[step.node]?.responses?.find(
                    (r) => r.id === step.responseId,
                  );
                  return (
                    <li key={i}>
                      <span className="author-step" aria-hidden="true">
                        <code>{step.node}</code> → <code>{step.responseId}</code>
                      </span>
                      <span className="visually-hidden">
                        {t('summary.step', { node: step.node, response: step.responseId })}
                      </span>
                      {response ? (
                        <q className="author-step__text">{pickText(response.text, locale)}</q>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              <p data-testid="author-best-result">{result('summary.result', summary.best)}</p>
              {summary.worst ? (
                <p className="author-muted" data-testid="author-worst-result">
                  {result('summary.worstResult', summary.worst)}
                </p>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
