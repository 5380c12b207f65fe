import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { DIMENSIONS, dimensionScore, type Scorecard } from '../api/scorecard.ts';

const WIDTH = 560;
const ROW = 44;
const LABEL = 150;
const BAR = WIDTH - LABEL - 70;

/**
 * The five haves as bars from 0 to 100 %, an SVG a screen reader hears as one picture with its
 * title and description; the table beside it carries the same figures.
 */
export function FiveHavesChart({ card, percent }: { card: Scorecard; percent: (value: number | null) => string }) {
  const t = useT();
  const height = DIMENSIONS.length * ROW + 30;
  const described = DIMENSIONS.map((d) => `${t(`street.scorecard.dim.${d}` as MessageKey)} ${percent(dimensionScore(card, d))}`).join(t('street.scorecard.listSeparator'));
  return (
    <svg className="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id="chart-title">{t('street.scorecard.chartTitle')}</title>
      <desc id="chart-desc">{described}</desc>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick} aria-hidden="true">
          <line x1={LABEL + tick * BAR} x2={LABEL + tick * BAR} y1={4} y2={height - 22} className="chart-grid" />
          <text x={LABEL + tick * BAR} y={height - 6} textAnchor="middle" className="chart-tick">
            {percent(tick)}
          </text>
        </g>
      ))}
      {DIMENSIONS.map((d, i) => {
        const score = dimensionScore(card, d);
        const y = 8 + i * ROW;
        return (
          <g key={d} aria-hidden="true">
            <text x={LABEL - 10} y={y + 20} textAnchor="end" className="chart-label">
              {t(`street.scorecard.dim.${d}` as MessageKey)}
            </text>
            <rect x={LABEL} y={y + 4} width={BAR} height={24} className="chart-track" />
            {score === null ? null : <rect x={LABEL} y={y + 4} width={Math.max(2, score * BAR)} height={24} className={`chart-bar chart-bar-${d}`} />}
            <text x={LABEL + (score ?? 0) * BAR + 8} y={y + 21} className="chart-value">
              {percent(score)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
