import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { listIssues, type Issue, type IssueStatus } from '../../street/api/issues.ts';
import { IssueCard } from '../../street/components/IssueCard.tsx';
import { InboxActions } from '../components/InboxActions.tsx';
import { departmentName } from '../names.ts';

const STATUSES: readonly IssueStatus[] = ['open', 'acknowledged', 'resolved'];
const href = (status: IssueStatus, cursor?: string) => `/department/inbox?${new URLSearchParams({ status, ...(cursor ? { cursor } : {}) }).toString()}`;

/**
 * A department's inbox: the issues naming it, by its own part's state — to report in on, to
 * resolve, resolved — each with its deadline counting down, nearest first.
 */
export function DepartmentInbox() {
  const t = useT();
  const session = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as IssueStatus) : 'open';
  const cursor = params.get('cursor') ?? undefined;
  const department = session?.roles.includes('department') ? session.department : undefined;
  const [chosen, setChosen] = useState(status);
  const [changed, setChanged] = useState<Record<string, Issue>>({});
  const [done, setDone] = useState<string>();
  const loaded = useLoad(
    () => (department ? listIssues({ status, department, ...(cursor ? { cursor } : {}) }) : Promise.reject(new ApiError(session ? 403 : 401))),
    [status, cursor, department],
  );
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const onChanged = (issue: Issue) => {
    setChanged({ ...changed, [issue.id]: issue });
    const part = issue.responses[department!];
    setDone(t(part?.status === 'resolved' ? 'department.inbox.resolved' : 'department.inbox.acknowledged', { location: issue.location }));
  };
  return (
    <Page title={t('department.inbox.title', { department: department ? departmentName(t, department) : '' })} lead={t('department.inbox.intro')}>
      <p>
        <Link href="/department/performance">{t('department.inbox.performanceLink')}</Link>
      </p>
      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setDone(undefined);
          navigate(href(chosen));
        }}
      >
        <div className="field">
          <label htmlFor="status">{t('department.inbox.status')}</label>
          <select id="status" value={chosen} onChange={(e) => setChosen(e.target.value as IssueStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`department.inbox.filter.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('department.inbox.show')}</button>
      </form>
      {done ? (
        <div className="notice" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          {loaded.data.items.length === 0 ? <p role="status">{t(`department.inbox.empty.${status}` as MessageKey)}</p> : null}
          <ul className="cards">
            {loaded.data.items.map((item) => {
              const issue = changed[item.id] ?? item;
              return (
                <IssueCard key={issue.id} issue={issue} department={department!}>
                  <InboxActions issue={issue} department={department!} onChanged={onChanged} />
                </IssueCard>
              );
            })}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(status, next)} />
        </>
      )}
    </Page>
  );
}
