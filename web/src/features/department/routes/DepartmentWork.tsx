import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { departmentWork, type DepartmentWorkItem, type WorkStatus } from '../api/work.ts';
import { PushWorkForm, type PushOutcome } from '../components/PushWorkForm.tsx';
import { departmentName } from '../names.ts';

const STATUSES: readonly WorkStatus[] = ['accepted', 'blocked'];

function WorkCard({ item }: { item: DepartmentWorkItem }) {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  return (
    <li className="card">
      <h3>{t('department.work.item', { code: item.code, title: item.title })}</h3>
      <p>
        <span className={`tag tag-work-${item.status}`}>{t(`department.work.status.${item.status}` as MessageKey)}</span>
      </p>
      {item.reason ? <p><strong>{t(`department.work.reason.${item.reason}` as MessageKey, { code: item.code })}</strong></p> : null}
      <p>{item.description}</p>
      <dl className="facts">
        <dt>{t('department.work.community')}</dt>
        <dd>
          {nameOf(item.community, locale)} · {nameOf(item.street, locale)}
        </dd>
        <dt>{item.status === 'accepted' ? t('department.work.acceptedAt') : t('department.work.blockedAt')}</dt>
        <dd>
          <time dateTime={item.at}>{format.dateTime(item.at)}</time>
        </dd>
        {item.dueOn ? (
          <>
            <dt>{t('department.work.dueOn')}</dt>
            <dd>{format.day(item.dueOn)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

/**
 * The department's work items: what it asked of communities and reached them, and what coordination
 * blocked (not on the district's access list, or on it for other departments), each with why.
 */
export function DepartmentWork() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status: WorkStatus = params.get('status') === 'blocked' ? 'blocked' : 'accepted';
  const cursor = params.get('cursor') ?? undefined;
  const department = session?.roles.includes('department') ? session.department : undefined;
  const [outcome, setOutcome] = useState<PushOutcome>();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(
    () => (department ? departmentWork(department, status, cursor) : Promise.reject(new ApiError(session ? 403 : 401))),
    [department, status, cursor, version],
    { keep: true },
  );
  const hrefOf = (s: WorkStatus, c?: string) => `/department/work?status=${s}${c ? `&cursor=${encodeURIComponent(c)}` : ''}`;
  const pushed = (o: PushOutcome) => {
    setOutcome(o);
    const shown: WorkStatus = o.accepted ? 'accepted' : 'blocked';
    if (shown !== status || cursor) navigate(hrefOf(shown));
    else setVersion((v) => v + 1);
  };
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('department.work.pageTitle', { department: department ? departmentName(t, department) : '' })} lead={t('department.work.intro')}>
      {outcome ? (
        <div className={outcome.accepted ? 'notice' : 'notice notice-warning'} role="status">
          <p>
            {outcome.accepted
              ? t('department.work.acceptedNotice', { code: outcome.code, community: nameOf(outcome.community, locale) })
              : t('department.work.blockedNotice', { code: outcome.code, community: nameOf(outcome.community, locale) })}
          </p>
          {!outcome.accepted ? <p>{t(`department.work.reason.${outcome.reason}` as MessageKey, { code: outcome.code })}</p> : null}
        </div>
      ) : null}
      {department ? <PushWorkForm department={department} onPushed={pushed} /> : null}
      <section aria-labelledby="work-list-title">
        <h2 id="work-list-title">{t('department.work.listTitle')}</h2>
        <nav aria-label={t('department.work.statusNav')} className="tabs">
          <ul>
            {STATUSES.map((s) => (
              <li key={s}>
                <Link href={hrefOf(s)} aria-current={s === status ? 'page' : undefined}>
                  {t(`department.work.tab.${s}` as MessageKey)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : (
          <>
            {loaded.data.items.length === 0 ? <p role="status">{t(`department.work.empty.${status}` as MessageKey)}</p> : null}
            <ul className="cards">
              {loaded.data.items.map((item) => (
                <WorkCard key={item.id} item={item} />
              ))}
            </ul>
            <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => hrefOf(status, next)} />
          </>
        )}
      </section>
    </Page>
  );
}
