import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';
import { DISTRICT, nameOf } from '../../../lib/places.ts';
import { districtMonth, rankings, type RankingKind } from '../api/rankings.ts';

const href = (month: string, of: RankingKind) => `/rankings?${new URLSearchParams({ month, of }).toString()}`;
const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The monthly "three rates" rankings of the district's departments or streets: a chart and the table. Public. */
export function Rankings() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(params.get('month') ?? '') ? params.get('month')! : districtMonth();
  const of: RankingKind = params.get('of') === 'streets' ? 'streets' : 'departments';
  const [form, setForm] = useState({ month, of });
  const loaded = useLoad(() => rankings(DISTRICT.id, month, of), [month, of]);
  const name = (subject: string) => (of === 'streets' ? nameOf(subject, locale) : subject);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href(form.month || districtMonth(), form.of));
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const ranked = loaded.state === 'ready' ? loaded.data.items.filter((row) => row.score !== null) : [];
  const BAR = 28;
  return (
    <Page title={t('rankings.title')} lead={t('rankings.intro')}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="month">{t('rankings.month')}</label>
          <input id="month" type="month" value={form.month} onChange={(e) => setForm({ ...form, month: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="of">{t('rankings.of')}</label>
          <select id="of" value={form.of} onChange={(e) => setForm({ ...form, of: e.target.value as RankingKind })}>
            <option value="departments">{t('rankings.departments')}</option>
            <option value="streets">{t('rankings.streets')}</option>
          </select>
        </div>
        <button type="submit">{t('rankings.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <p role="status">
            {loaded.data.closed ? t('rankings.closed', { date: format.date(loaded.data.closedAt ?? loaded.data.closesAt) }) : t('rankings.open', { date: format.date(loaded.data.closesAt) })}
          </p>
          {loaded.data.items.length === 0 ? (
            <p>{t('rankings.empty')}</p>
          ) : (
            <>
              {ranked.length > 0 ? (
                <figure className="chart">
                  <svg role="img" aria-labelledby="rankings-chart-title" viewBox={`0 0 320 ${ranked.length * BAR + 8}`} width="100%" preserveAspectRatio="xMinYMin meet">
                    <title id="rankings-chart-title">{t('rankings.chart', { count: ranked.length })}</title>
                    {ranked.map((row, i) => (
                      <g key={row.subject} transform={`translate(0 ${i * BAR + 4})`}>
                        <rect x="120" y="4" height={BAR - 10} width={Math.max(1, (row.score ?? 0) * 150)} fill="#1d4f86" />
                        <text x="0" y={BAR / 2 + 2} fontSize="12" fill="#1a1a1a">
                          {`${row.rank}. ${name(row.subject)}`.slice(0, 18)}
                        </text>
                        <text x={126 + (row.score ?? 0) * 150} y={BAR / 2 + 2} fontSize="12" fill="#1a1a1a">
                          {percent(row.score)}
                        </text>
                      </g>
                    ))}
                  </svg>
                  <figcaption>{t('rankings.chartCaption')}</figcaption>
                </figure>
              ) : null}
              <div className="table-scroll" role="region" aria-labelledby="rankings-caption" tabIndex={0}>
                <table>
                  <caption id="rankings-caption">{t('rankings.caption', { district: nameOf(DISTRICT.id, locale), month })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rankings.rank')}</th>
                      <th scope="col">{of === 'streets' ? t('rankings.street') : t('rankings.department')}</th>
                      <th scope="col">{t('rankings.received')}</th>
                      <th scope="col">{t('rankings.responseRate')}</th>
                      <th scope="col">{t('rankings.resolutionRate')}</th>
                      <th scope="col">{t('rankings.satisfaction')}</th>
                      <th scope="col">{t('rankings.escalations')}</th>
                      <th scope="col">{t('rankings.blocked')}</th>
                      <th scope="col">{t('rankings.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.data.items.map((row) => (
                      <tr key={row.subject}>
                        <td>{row.rank ?? '—'}</td>
                        <th scope="row">{name(row.subject)}</th>
                        <td>{format.number(row.received)}</td>
                        <td>{percent(row.responseRate)}</td>
                        <td>{percent(row.resolutionRate)}</td>
                        <td>
                          {percent(row.satisfactionRate)}
                          {row.averageRating !== null ? ` (${t('rankings.mean', { rating: row.averageRating })})` : ''}
                        </td>
                        <td>{format.number(row.escalations)}</td>
                        <td>{format.number(row.blockedWorkItems)}</td>
                        <td>
                          {row.rankChange === null
                            ? t('rankings.noChange')
                            : row.rankChange > 0
                              ? t('rankings.up', { places: row.rankChange })
                              : row.rankChange < 0
                                ? t('rankings.down', { places: -row.rankChange })
                                : t('rankings.same')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <p>
            <a href={`/coordination/rankings?${new URLSearchParams({ district: DISTRICT.id, month, of, format: 'csv' }).toString()}`} download>
              {t('rankings.csv')}
            </a>
          </p>
        </>
      )}
    </Page>
  );
}
