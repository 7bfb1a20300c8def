import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ScoreBar {
  key: string;
  label: string;
  score: number | null;
}

interface Props {
  title: string;
  bars: ScoreBar[];
  passMark: number;
  /** Prefix for data-testid, e.g. "score" → score-listening. */
  testIdPrefix?: string;
}

const ROW = 34;
const LABEL_W = 120;
const BAR_W = 200;

/** Horizontal bars with the value written beside each; the SVG's description carries the same numbers. */
export function ScoreChart({ title, bars, passMark, testIdPrefix = 'score' }: Props) {
  const { t } = useTranslation('ui');
  const titleId = useId();
  const descId = useId();
  const height = bars.length * ROW + 24;
  const shown = (s: number | null) => (s === null ? t('score.none') : String(Math.round(s)));
  const passX = LABEL_W + (BAR_W * passMark) / 100;
  return (
    <svg
      className="score-chart"
      viewBox={`0 0 ${LABEL_W + BAR_W + 60} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>
        {bars.map((b) => `${b.label}: ${shown(b.score)}`).join('; ')}
        {`; ${t('score.passMark', { mark: passMark })}`}
      </desc>
      {bars.map((bar, i) => {
        const y = i * ROW + 8;
        const width = bar.score === null ? 0 : (BAR_W * Math.max(0, Math.min(100, bar.score))) / 100;
        const pass = bar.score !== null && bar.score >= passMark;
        return (
          <g key={bar.key}>
            <text x={LABEL_W - 8} y={y + 17} textAnchor="end" className="score-chart__label">
              {bar.label}
            </text>
            <rect x={LABEL_W} y={y + 2} width={BAR_W} height={20} className="score-chart__track" rx="3" />
            <rect
              x={LABEL_W}
              y={y + 2}
              width={width}
              height={20}
              className={pass ? 'score-chart__bar score-chart__bar--pass' : 'score-chart__bar'}
              rx="3"
            />
            <text
              x={LABEL_W + BAR_W + 8}
              y={y + 17}
              className="score-chart__value"
              data-testid={`${testIdPrefix}-${bar.key}`}
              data-value={bar.score === null ? 'null' : String(Math.round(bar.score))}
            >
              {shown(bar.score)}
            </text>
          </g>
        );
      })}
      <line x1={passX} x2={passX} y1={4} y2={height - 14} className="score-chart__pass" />
      <text x={passX} y={height - 2} textAnchor="middle" className="score-chart__pass-label">
        {t('score.passMarkShort', { mark: passMark })}
      </text>
    </svg>
  );
}
