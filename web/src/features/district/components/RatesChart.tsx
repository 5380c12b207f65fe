import { useFormat, useT } from '../../../i18n/index.tsx';
import type { Performance } from '../api/district.ts';

const RATES = [
  { key: 'responseRate', label: 'district.rate.response', colour: '#005a30' },
  { key: 'resolutionRate', label: 'district.rate.resolution', colour: '#1d70b8' },
  { key: 'satisfactionRate', label: 'district.rate.satisfaction', colour: '#b58840' },
] as const;

/**
 * Departments' three rates side by side: an SVG picture (role="img", its title and description) and
 * the same figures as a table, for whoever cannot see the picture. A rate not yet measured is no bar.
 */
export function RatesChart({ items }: { items: readonly Performance[] }) {
  const t = useT();
  const format = useFormat();
  const percent = (r: number | null) => (r === null ? t('district.rate.none') : `${format.number(Math.round(r * 1000) / 10)}%`);
  const row = 22;
  const group = RATES.length * row + 18;
  const left = 150;
  const width = 360;
  const height = items.length * group + 10;
  return (
    <>
      <svg viewBox={`0 0 ${left + width + 70} ${height}`} role="img" aria-labelledby="rates-title rates-desc" className="chart">
        <title id="rates-title">{t('district.chartTitle')}</title>
        <desc id="rates-desc">{t('district.chartDesc', { count: items.length })}</desc>
        {items.map((p, i) => (
          <g key={p.department} transform={`translate(0 ${i * group + 4})`}>
            <text x={0} y={row} fontSize={13} fill="#0b0c0c">
              {p.department}
            </text>
            {RATES.map((rate, j) => {
              const value = p[rate.key];
              return (
                <g key={rate.key} transform={`translate(${left} ${j * row})`}>
                  <rect x={0} y={4} width={width} height={row - 8} fill="#f3f2f1" />
                  {value !== null ? <rect x={0} y={4} width={Math.max(1, value * width)} height={row - 8} fill={rate.colour} /> : null}
                  <text x={width + 6} y={row - 6} fontSize={12} fill="#0b0c0c">
                    {percent(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <ul className="legend">
        {RATES.map((rate) => (
          <li key={rate.key}>
            <span className="swatch" style={{ background: rate.colour }} aria-hidden="true" /> {t(rate.label)}
          </li>
        ))}
      </ul>
      <div className="table-scroll" role="region" aria-labelledby="rates-caption" tabIndex={0}>
        <table>
          <caption id="rates-caption">{t('district.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('district.department')}</th>
              <th scope="col">{t('district.assigned')}</th>
              {RATES.map((rate) => (
                <th key={rate.key} scope="col">
                  {t(rate.label)}
                </th>
              ))}
              <th scope="col">{t('district.escalatedCount')}</th>
              <th scope="col">{t('district.overdueCount')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.department}>
                <th scope="row">{p.department}</th>
                <td>{format.number(p.assigned)}</td>
                {RATES.map((rate) => (
                  <td key={rate.key}>{percent(p[rate.key])}</td>
                ))}
                <td>{format.number(p.escalated)}</td>
                <td>{format.number(p.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
