import { useTranslation } from 'react-i18next';
import { PRINCIPLES } from '@/engine/format/ids';
import { pickText, type LocalizedText } from '@/engine/format/localized-text';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { TeamSummary as Summary } from '@/records/aggregate';
import { ScoreChart } from '@/ui/score-chart';
import { csvFilename, scenariosCsv } from './csv-views';
import { LineChart } from '@/ui/line-chart';
import { SummaryStats } from './summary-stats';
import { saveFile } from '@/state/save-file';
import { formatDay, percent } from './review-format';

interface Props {
  summary: Summary;
  titles: Record<string, LocalizedText>;
  rubric: Rubric | null;
}

export function TeamSummary({ summary, titles, rubric }: Props) {
  const { t, i18n } = useTranslation('review');
  const lng = i18n.language;
  const flagged = summary.verification.mismatch + summary.verification['unknown-scenario'];
  const first = summary.trend[0];
  const last = summary.trend.at(-1);
  const ruleTitle = (rule: string) => {
    const title = rubric?.rules[rule]?.title;
    return title ? pickText(title, lng) : rule;
  };
  return (
    <section
      className="panel review-summary"
      aria-labelledby="review-summary-title"
      data-testid="team-summary"
    >
      <h2 id="review-summary-title">{t('summary.title')}</h2>
      <SummaryStats summary={summary} showTrainees={true} />
      {flagged ? (
        <p className="notice notice--warn" data-testid="summary-flagged">
          {t('summary.flagged', { count: flagged })}
        </p>
      ) : null}
      {summary.implausible ? (
        <p className="notice notice--warn" data-testid="summary-implausible">
          {t('summary.implausible', { count: summary.implausible })}
        </p>
      ) : null}
      <div className="review-summary__grid">
        <div>
          <h3>{t('summary.principles')}</h3>
          <ScoreChart
            title={t('summary.principles')}
            passMark={rubric?.passMark ?? 70}
            testIdPrefix="team-score"
            bars={PRINCIPLES.map((p) => ({
              key: p,
              label: t(`principle.${p}`),
              score: summary.principles[p].average,
            }))}
          />
        </div>
        <div>
          <h3>{t('summary.rules')}</h3>
          <table className="data-table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">{t('summary.rule')}</th>
                <th scope="col">{t('summary.broken')}</th>
                <th scope="col">{t('summary.missed')}</th>
                <th scope="col">{t('summary.share')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.rules.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">
                    {ruleTitle(r.rule)} <code className="review-muted">{r.rule}</code>
                  </th>
                  <td>{r.violated}</td>
                  <td>{r.missed}</td>
                  <td>{percent(r.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h3>{t('summary.scenarios')}</h3>
      <table className="data-table" data-testid="scenario-table">
        <thead>
          <tr>
            <th scope="col">{t('table.scenario')}</th>
            <th scope="col">{t('summary.attempts')}</th>
            <th scope="col">{t('summary.passRate')}</th>
            <th scope="col">{t('summary.average')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.scenarios.map((s) => (
            <tr key={s.scenarioId}>
              <th scope="row">{titles[s.scenarioId] ? pickText(titles[s.scenarioId], lng) : s.scenarioId}</th>
              <td>{s.attempts}</td>
              <td>
                <span className="review-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round(s.passRate * 100)}%` }} />
                </span>{' '}
                {percent(s.passRate)}
              </td>
              <td>{s.averageOverall}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() =>
          saveFile(
            csvFilename('scenarios'),
            scenariosCsv(summary.scenarios, titles, t, lng),
            'text/csv;charset=utf-8',
          )
        }
      >
        {t('export.csv')}
      </button>
      {first && last ? (
        <>
          <h3>{t('summary.trend')}</h3>
          <LineChart
            testId="trend-chart"
            title={t('summary.trend')}
            description={t('summary.trendDesc', {
              bucket: t(`summary.bucket.${summary.bucket}`),
              from: formatDay(first.start, lng),
              to: formatDay(last.start, lng),
            })}
            startLabel={formatDay(first.start, lng)}
            endLabel={formatDay(last.start, lng)}
            series={[
              {
                key: 'avg',
                label: t('summary.averageLine'),
                values: summary.trend.map((p) => p.averageOverall),
              },
              {
                key: 'pass',
                label: t('summary.passLine'),
                values: summary.trend.map((p) => Math.round(p.passRate * 100)),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
