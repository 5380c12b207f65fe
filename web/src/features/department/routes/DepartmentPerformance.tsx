import { lazy, Suspense } from 'react';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { districtMonth } from '../../rankings/api/rankings.ts';
import { monthsUpTo, performance, ratesOverTime } from '../api/inbox.ts';
import { departmentName } from '../names.ts';

/** The chart of the rates over time: its own chunk, loaded after the page's figures. */
const RatesOverTime = lazy(async () => ({ default: (await import('../components/RatesOverTime.tsx')).RatesOverTime }));
const MONTHS = 6;

/** The department's rates month by month, from the district's public monthly rankings. */
function Trend({ district, department }: { district: string; department: string }) {
  const loaded = useLoad(() => ratesOverTime(district, department, monthsUpTo(districtMonth(), MONTHS)), [district, department]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Suspense fallback={<Loading />}>
      <RatesOverTime months={loaded.data} />
    </Suspense>
  );
}

/**
 * The department's own figures as the district office sees them: its three rates (reported in on
 * time, resolved, satisfied), each with the counts behind it, and what was escalated or is overdue;
 * and the three rates month by month (a chart in its own chunk, with its table).
 */
export function DepartmentPerformance() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const department = session?.roles.includes('department') ? session.department : undefined;
  const loaded = useLoad(() => (department ? performance(department) : Promise.reject(new ApiError(session ? 403 : 401))), [department]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const p = loaded.data;
  const rate = (value: number | null) => (value === null ? t('department.performance.none') : t('department.performance.percent', { value: format.number(Math.round(value * 1000) / 10) }));
  const rows: Array<[string, string, string]> = [
    [t('department.performance.responseRate'), rate(p.responseRate), t('department.performance.responseOf', { acknowledged: p.acknowledged, assigned: p.assigned })],
    [t('department.performance.resolutionRate'), rate(p.resolutionRate), t('department.performance.resolutionOf', { resolved: p.resolved, assigned: p.assigned })],
    [
      t('department.performance.satisfactionRate'),
      rate(p.satisfactionRate),
      t('department.performance.satisfactionOf', { ratings: p.ratings, average: p.averageRating === null ? '—' : format.number(p.averageRating) }),
    ],
  ];
  return (
    <Page title={t('department.performance.title', { department: departmentName(t, p.department) })} lead={t('department.performance.intro', { district: nameOf(p.district, locale) })}>
      <div className="table-scroll">
        <table>
          <caption>{t('department.performance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('department.performance.measure')}</th>
              <th scope="col">{t('department.performance.value')}</th>
              <th scope="col">{t('department.performance.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([measure, value, basis]) => (
              <tr key={measure}>
                <th scope="row">{measure}</th>
                <td>{value}</td>
                <td>{basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <dt>{t('department.performance.onTime')}</dt>
        <dd>{rate(p.resolvedOnTimeRate)}</dd>
        <dt>{t('department.performance.escalated')}</dt>
        <dd>{format.number(p.escalated)}</dd>
        <dt>{t('department.performance.overdue')}</dt>
        <dd>{format.number(p.overdue)}</dd>
        <dt>{t('department.performance.blocked')}</dt>
        <dd>{format.number(p.blockedWorkItems)}</dd>
      </dl>
      <Trend district={p.district} department={p.department} />
    </Page>
  );
}
