import { useId } from 'react';

export interface LineSeries {
  key: string;
  label: string;
  /** y on a 0–100 scale, one per x position (null leaves a gap). */
  values: Array<number | null>;
  /** Draw across gaps: a series with a point only at some x (one scenario among others) stays one line. */
  joinGaps?: boolean;
  /** Names its colour and legend (`line-chart__series--<tone>`, `legend--<tone>`); its index by default. */
  tone?: string;
  /** A second series can be told apart without colour by its marker. */
  marker?: 'circle' | 'square';
}

interface Props {
  title: string;
  /**
   * With a description the chart speaks for itself to screen readers (title + description). Without
   * one it is hidden from them: the caller shows the same numbers as a table.
   */
  description?: string;
  series: LineSeries[];
  /** A label under every x position… */
  xLabels?: readonly string[];
  /** …or under the first and the last only. */
  startLabel?: string;
  endLabel?: string;
  /** The drawing's size in SVG units; it scales to the width it is given. */
  width?: number;
  height?: number;
  testId?: string;
}

const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
const GRID = [0, 25, 50, 75, 100];
/** Beyond this many points, markers crowd the line and are left out. */
const MAX_MARKERS = 60;

/** The app's one line chart: 0–100 on y, in plain SVG (the mood curve, Review's trends and progress). */
export function LineChart(props: Props) {
  const { title, description, series, xLabels, startLabel, endLabel, testId } = props;
  const { width: W = 640, height: H = 220 } = props;
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
  const marker = (s: LineSeries, v: number | null, j: number) => {
    if (v === null) return null;
    if (s.marker === 'square') return <rect key={j} x={x(j) - 3} y={y(v) - 3} width={6} height={6} />;
    return <circle key={j} cx={x(j)} cy={y(v)} r={s.marker ? 3 : 2.5} />;
  };
  const spoken = description !== undefined;
  return (
    <div className="line-chart" data-testid={testId}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="xMinYMin meet"
        {...(spoken ? { role: 'img', 'aria-labelledby': `${titleId} ${descId}` } : { 'aria-hidden': true })}
      >
        {spoken ? (
          <>
            <title id={titleId}>{title}</title>
            <desc id={descId}>{description}</desc>
          </>
        ) : null}
        {GRID.map((v) => (
          <g key={v}>
            <line className="line-chart__grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="line-chart__tick" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <g
            key={s.key}
            className={`line-chart__series line-chart__series--${s.tone ?? i}`}
            data-series={s.key}
          >
            <path d={path(s.values, s.joinGaps)} fill="none" />
            {n <= MAX_MARKERS ? s.values.map((v, j) => marker(s, v, j)) : null}
          </g>
        ))}
        {xLabels
          ? xLabels.map((label, i) => (
              <text key={i} className="line-chart__tick" x={x(i)} y={H - 8} textAnchor="middle">
                {label}
              </text>
            ))
          : null}
        {startLabel ? (
          <text className="line-chart__tick" x={PAD.left} y={H - 8}>
            {startLabel}
          </text>
        ) : null}
        {endLabel ? (
          <text className="line-chart__tick" x={W - PAD.right} y={H - 8} textAnchor="end">
            {endLabel}
          </text>
        ) : null}
      </svg>
      <p className="line-chart__legend" {...(spoken ? {} : { 'aria-hidden': true })}>
        {series.map((s, i) => (
          <span key={s.key} className={`legend legend--${s.tone ?? i}`}>
            {s.label}
          </span>
        ))}
      </p>
    </div>
  );
}
