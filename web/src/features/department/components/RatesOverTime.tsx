import { useFormat, useT } from '../../../i18n/index.tsx';
import type { MonthRates } from '../api/inbox.ts';

const RATES = [
  { key: 'responseRate', label: 'department.trend.response', colour: '#005a30', dash: '' },
  { key: 'resolutionRate', label: 'department.trend.resolution', colour: '#1d70b8', dash: '6 3' },
  { key: 'satisfactionRate', label: 'department.trend.satisfaction', colour: '#b58840', dash: '2 3' },
] as const;

/**
 * The department's three rates month by month: an SVG line chart (role="img", its title and
 * description; each line also drawn differently, not told by colour alone) and the same figures as a
 * table. A month without a rate breaks its line. Loaded in its own chunk, after the page's figures.
 */
export function RatesOverTime({ months }: { months: readonly MonthRates[] }) {
  const t = useT();
  const format = useFormat();
  const percent = (r: number | null) => (r === null ? t('department.trend.none') : `${format.number(Math.round(r * 1000) / 10)}%`);
  const left = 44;
  const top = 12;
  const width = 480;
  const height = 200;
  const step = months.length > 1 ? width / (months.length - 1) : 0;
  const x = (i: number) => left + i * step;
  const y = (r: number) => top + (1 - r) * height;
  const label = (month: string) => format.month(month);
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t('department.trend.title')}</h2>
      <p>{t('department.trend.intro')}</p>
      <svg viewBox={`0 0 ${left + width + 30} ${top + height + 40}`} role="img" aria-labelledby="trend-svg-title trend-svg-desc" className="chart">
        <title id="trend-svg-title">{t('department.trend.title')}</title>
        <desc id="trend-svg-desc">{t('department.trend.desc', { count: months.length, first: label(months[0]!.month), last: label(months[months.length - 1]!.month) })}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((r) => (
          <g key={r}>
            <line x1={left} x2={left + width} y1={y(r)} y2={y(r)} stroke="#b1b4b6" strokeWidth={r === 0 ? 1.5 : 0.5} />
            <text x={left - 6} y={y(r) + 4} fontSize={11} textAnchor="end" fill="#0b0c0c">
              {`${r * 100}%`}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <text key={m.month} x={x(i)} y={top + height + 18} fontSize={11} textAnchor="middle" fill="#0b0c0c">
            {label(m.month)}
          </text>
        ))}
        {RATES.map((rate) => {
          // Runs of months that have the rate, each a line of its own.
          const runs: Array<Array<[number, number]>> = [];
          months.forEach((m, i) => {
            const value = m[rate.key];
            if (value === null) runs.push([]);
            else {
              if (runs.length === 0) runs.push([]);
              runs[runs.length - 1]!.push([x(i), y(value)]);
            }
          });
          return (
            <g key={rate.key}>
              {runs
                .filter((run) => run.length > 1)
                .map((run, j) => (
                  <polyline key={j} points={run.map(([px, py]) => `${px},${py}`).join(' ')} fill="none" stroke={rate.colour} strokeWidth={2.5} strokeDasharray={rate.dash} />
                ))}
              {months.map((m, i) =>
                m[rate.key] === null ? null : <circle key={m.month} cx={x(i)} cy={y(m[rate.key]!)} r={3.5} fill={rate.colour} />,
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {RATES.map((rate) => (
          <li key={rate.key}>
            <svg width="28" height="10" aria-hidden="true" focusable="false">
              <line x1="0" x2="28" y1="5" y2="5" stroke={rate.colour} strokeWidth={3} strokeDasharray={rate.dash} />
            </svg>{' '}
            {t(rate.label)}
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-labelledby="trend-caption" tabIndex={0}>
        <table>
          <caption id="trend-caption">{t('department.trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('department.trend.month')}</th>
              <th scope="col">{t('department.trend.received')}</th>
              {RATES.map((rate) => (
                <th key={rate.key} scope="col">
                  {t(rate.label)}
                </th>
              ))}
              <th scope="col">{t('department.trend.rank')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">
                  {label(m.month)}
                  {m.closed ? null : ` ${t('department.trend.open')}`}
                </th>
                <td>{format.number(m.received)}</td>
                {RATES.map((rate) => (
                  <td key={rate.key}>{percent(m[rate.key])}</td>
                ))}
                <td>{m.rank === null ? t('department.trend.none') : format.number(m.rank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
