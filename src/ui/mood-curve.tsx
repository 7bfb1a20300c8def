import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface MoodPoint {
  anger: number;
  trust: number;
}

const W = 360;
const H = 160;
const PAD = { left: 34, right: 12, top: 10, bottom: 26 };

/** Anger and trust turn by turn: an SVG line chart, and the same numbers as a table for screen readers and print. */
export function MoodCurve({ points, title }: { points: MoodPoint[]; title: string }) {
  const { t } = useTranslation('ui');
  const titleId = useId();
  const n = Math.max(points.length - 1, 1);
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / n;
  const y = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (100 - v)) / 100;
  const line = (key: keyof MoodPoint) =>
    points.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
  return (
    <figure className="mood-curve" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" className="mood-curve__chart">
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="mood-curve__grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="mood-curve__tick">
              {v}
            </text>
          </g>
        ))}
        {points.map((_, i) => (
          <text key={i} x={x(i)} y={H - 8} textAnchor="middle" className="mood-curve__tick">
            {i}
          </text>
        ))}
        <polyline points={line('anger')} className="mood-curve__anger" />
        <polyline points={line('trust')} className="mood-curve__trust" />
        {points.map((p, i) => (
          <g key={`p${i}`}>
            <circle cx={x(i)} cy={y(p.anger)} r="3" className="mood-curve__dot--anger" />
            <rect x={x(i) - 3} y={y(p.trust) - 3} width="6" height="6" className="mood-curve__dot--trust" />
          </g>
        ))}
      </svg>
      <p className="mood-curve__legend" aria-hidden="true">
        <span className="legend legend--anger">{t('meter.anger')}</span>
        <span className="legend legend--trust">{t('meter.trust')}</span>
      </p>
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
