import { useId } from 'react';

export interface LineSeries {
  key: string;
  label: string;
  /** y on a 0–100 scale, one per x position (null leaves a gap). */
  values: Array<number | null>;
  /** Draw across gaps: a series with a point only at some x (one scenario among others) stays one line. */
  joinGaps?: boolean;
}

interface Props {
  title: string;
  description: string;
  series: LineSeries[];
  /** Labels under the first and last x position. */
  startLabel: string;
  endLabel: string;
  testId?: string;
}

const W = 640;
const H = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** A 0–100 line chart in plain SVG; its title and description carry the meaning for screen readers. */
export function LineChart({ title, description, series, startLabel, endLabel, testId }: Props) {
  const titleId = useId();
  const descId = useId();
  const n = Math.max(...series.map((s) => s.values.length), 1);
  const x = (i: number) =>
    PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : ((W - PAD.left - PAD.right) * i) / (n - 1));
  const y = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (100 - v)) / 100;
  const path = (values: Array<number | null>, joinGaps = false) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null) {
        if (!joinGaps) pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  return (
    <figure className="review-chart" data-testid={testId}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line className="review-chart__grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="review-chart__tick" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <g key={s.key} className={`review-chart__series review-chart__series--${i}`} data-series={s.key}>
            <path d={path(s.values, s.joinGaps)} fill="none" />
            {n <= 60
              ? s.values.map((v, j) => (v === null ? null : <circle key={j} cx={x(j)} cy={y(v)} r={2.5} />))
              : null}
          </g>
        ))}
        <text className="review-chart__tick" x={PAD.left} y={H - 8}>
          {startLabel}
        </text>
        <text className="review-chart__tick" x={W - PAD.right} y={H - 8} textAnchor="end">
          {endLabel}
        </text>
      </svg>
      <figcaption className="legend">
        {series.map((s, i) => (
          <span key={s.key} className={`review-legend review-legend--${i}`}>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
