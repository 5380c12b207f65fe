import { useState, type FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { listIssues, type Issue, type IssueStatus } from '../api/issues.ts';
import { IssueCard } from '../components/IssueCard.tsx';
import { RaiseForm } from '../components/RaiseForm.tsx';
import { RateForm } from '../components/RateForm.tsx';

const STATUSES: readonly IssueStatus[] = ['open', 'acknowledged', 'resolved'];

const href = (status: IssueStatus, overdue: boolean, cursor?: string) =>
  `/street/issues?${new URLSearchParams({ status, ...(overdue && status !== 'resolved' ? { overdue: 'true' } : {}), ...(cursor ? { cursor } : {}) }).toString()}`;

/**
 * The street official's whistles: raise one; the street's issues by state, unresolved ones nearest
 * deadline first with live countdowns and overdue ones marked; rate each department on a resolved one.
 */
export function StreetIssues() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as IssueStatus) : 'open';
  const overdue = params.get('overdue') === 'true' && status !== 'resolved';
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState({ status, overdue });
  const [raised, setRaised] = useState<Issue>();
  const [rated, setRated] = useState<Record<string, Issue>>({});
  const official = session?.roles.includes('street-official') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const loaded = useLoad(
    () => (official ? listIssues({ status, street, overdue, ...(cursor ? { cursor } : {}) }) : Promise.reject(new ApiError(session ? 403 : 401))),
    [status, overdue, cursor, session?.sub, raised?.id],
    { keep: true },
  );
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const show = (event: FormEvent) => {
    event.preventDefault();
    navigate(href(chosen.status, chosen.overdue));
  };
  const onRaised = (issue: Issue) => {
    setRaised(issue);
    setChosen({ status: 'open', overdue: false });
    navigate(href('open', false));
  };
  return (
    <Page title={t('street.issues.title', { street: nameOf(street, locale) })} lead={t('street.issues.intro')}>
      {raised ? (
        <div className="notice" role="status">
          <p>{t('street.raise.done', { location: raised.location, due: format.dateTime(raised.responseDueBy) })}</p>
        </div>
      ) : null}
      <RaiseForm street={street} onRaised={onRaised} />
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('street.issues.listTitle')}</h2>
        <form className="filters" onSubmit={show}>
          <div className="field">
            <label htmlFor="status">{t('street.issues.status')}</label>
            <select id="status" value={chosen.status} onChange={(e) => setChosen({ ...chosen, status: e.target.value as IssueStatus })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`street.statusFilter.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field checkbox">
            <input
              type="checkbox"
              id="overdue"
              checked={chosen.overdue && chosen.status !== 'resolved'}
              disabled={chosen.status === 'resolved'}
              onChange={(e) => setChosen({ ...chosen, overdue: e.target.checked })}
            />
            <label htmlFor="overdue">{t('street.issues.overdueOnly')}</label>
          </div>
          <button type="submit">{t('street.issues.show')}</button>
        </form>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : (
          <>
            <p role="status">
              {loaded.data.items.length === 0
                ? t(`street.issues.empty.${status}` as MessageKey)
                : t(status === 'resolved' ? 'street.issues.orderResolved' : 'street.issues.order')}
            </p>
            <ul className="cards">
              {loaded.data.items.map((item) => {
                const issue = rated[item.id] ?? item;
                return (
                  <IssueCard key={issue.id} issue={issue}>
                    {status === 'resolved'
                      ? Object.entries(issue.responses)
                          .filter(([, part]) => part.status === 'resolved' && !part.rating)
                          .map(([slug]) => <RateForm key={slug} issue={issue} department={slug} onRated={(next) => setRated({ ...rated, [next.id]: next })} />)
                      : null}
                  </IssueCard>
                );
              })}
            </ul>
            <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, overdue, next)} />
          </>
        )}
      </section>
    </Page>
  );
}
