import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LineChart } from './line-chart';

export interface MoodPoint {
  anger: number;
  trust: number;
}

/** Anger and trust turn by turn: a line chart, and the same numbers as a table for screen readers and print. */
export function MoodCurve({ points, title }: { points: MoodPoint[]; title: string }) {
  const { t } = useTranslation('ui');
  const titleId = useId();
  return (
    <figure className="mood-curve" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <LineChart
        title={title}
        width={360}
        height={160}
        xLabels={points.map((_, i) => String(i))}
        series={[
          {
            key: 'anger',
            tone: 'anger',
            marker: 'circle',
            label: t('meter.anger'),
            values: points.map((p) => p.anger),
          },
          {
            key: 'trust',
            tone: 'trust',
            marker: 'square',
            label: t('meter.trust'),
            values: points.map((p) => p.trust),
          },
        ]}
      />
      <table className="data-table">
        <caption className="visually-hidden">{t('curve.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('curve.turn')}</th>
            <th scope="col">{t('meter.anger')}</th>
            <th scope="col">{t('meter.trust')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{i === 0 ? t('curve.start') : i}</th>
              <td>{Math.round(p.anger)}</td>
              <td>{Math.round(p.trust)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
