import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { DISTRICT, districtToday, nameOf } from '../../../lib/places.ts';
import { plan } from '../api/organization.ts';

/** The district's recruitment plan for a year: per street the posts allowed, reserved, published and what remains. */
export function PlanPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const thisYear = Number(districtToday().slice(0, 4));
  const asked = new URLSearchParams(useSearch()).get('year') ?? '';
  const year = /^\d{4}$/.test(asked) ? Number(asked) : thisYear;
  const [choice, setChoice] = useState(String(year));
  const may = session?.roles.some((r) => r === 'organization-dept' || r === 'district-admin') ?? false;
  const loaded = useLoad(
    () => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : plan(DISTRICT.id, year)),
    [year, session?.sub],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/organization/plan?year=${choice}`);
  };
  if (loaded.state === 'failed' && loaded.error.status !== 404) return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('organization.planTitle')} lead={t('organization.planLead')}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="plan-year">{t('organization.year')}</label>
          <select id="plan-year" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('organization.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'failed' ? (
        <p>{t('organization.noPlan', { year })}</p>
      ) : (
        <>
          <p>{t('organization.adopted', { year, when: format.dateTime(loaded.data.adoptedAt) })}</p>
          <div className="table-scroll" role="region" aria-labelledby="plan-caption" tabIndex={0}>
            <table>
              <caption id="plan-caption">{t('organization.planCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('organization.street')}</th>
                  <th scope="col">{t('organization.posts')}</th>
                  <th scope="col">{t('organization.reserved')}</th>
                  <th scope="col">{t('organization.published')}</th>
                  <th scope="col">{t('organization.remaining')}</th>
                  <th scope="col">{t('organization.remainingOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.streets.map((s) => (
                  <tr key={s.street}>
                    <th scope="row">
                      <Link href={`/organization/positions?street=${encodeURIComponent(s.street)}`}>{nameOf(s.street, locale)}</Link>
                    </th>
                    <td>{format.number(s.posts)}</td>
                    <td>{format.number(s.reserved)}</td>
                    <td>{format.number(s.published)}</td>
                    <td>{format.number(s.remaining)}</td>
                    <td>{format.number(s.remainingOpen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('organization.planHint')}</p>
        </>
      )}
    </Page>
  );
}
