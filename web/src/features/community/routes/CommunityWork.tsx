import { useState } from 'react';
import { useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { departmentName } from '../../department/names.ts';
import type { Issue } from '../../street/api/issues.ts';
import { IssueCard } from '../../street/components/IssueCard.tsx';
import { RaiseForm } from '../../street/components/RaiseForm.tsx';
import { workItems } from '../api/work.ts';

/**
 * The community worker's daily work: raise an issue for the community (and follow what was raised
 * here, with its countdown), and the work items departments pushed onto the community.
 */
export function CommunityWork() {
  const t = useT();
  const { locale } = useLocale();
  const format = useFormat();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const community = session?.roles.includes('community-worker') && session.jurisdiction.split('/').length === 3 ? session.jurisdiction : undefined;
  const [raised, setRaised] = useState<Issue[]>([]);
  const loaded = useLoad(() => (community ? workItems(community, cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [community, cursor]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const street = community?.split('/').slice(0, 2).join('/') ?? '';
  return (
    <Page title={t('community.work.title', { community: community ? nameOf(community, locale) : '' })} lead={t('community.work.intro')}>
      {raised.length ? (
        <section aria-labelledby="raised-title">
          <h2 id="raised-title">{t('community.work.raised')}</h2>
          <div className="notice" role="status">
            <p>{t('street.raise.done', { location: raised[0]!.location, due: format.dateTime(raised[0]!.responseDueBy) })}</p>
          </div>
          <ul className="cards">
            {raised.map((issue) => (
              <IssueCard key={issue.id} issue={issue} />
            ))}
          </ul>
        </section>
      ) : null}
      {community ? <RaiseForm street={street} community={community} onRaised={(issue) => setRaised([issue, ...raised])} /> : null}
      <section aria-labelledby="work-title">
        <h2 id="work-title">{t('community.work.itemsTitle')}</h2>
        <p>{t('community.work.itemsIntro')}</p>
        {loaded.state === 'loading' ? (
          <Loading />
        ) : (
          <>
            {loaded.data.items.length === 0 ? <p role="status">{t('community.work.empty')}</p> : null}
            <ul className="cards">
              {loaded.data.items.map((item) => (
                <li key={item.id} className="card">
                  <h3>{t('community.work.item', { code: item.code, title: item.title })}</h3>
                  <p>{item.description}</p>
                  <dl className="facts">
                    <dt>{t('community.work.department')}</dt>
                    <dd>{departmentName(t, item.department)}</dd>
                    <dt>{t('community.work.accepted')}</dt>
                    <dd>
                      <time dateTime={item.acceptedAt}>{format.dateTime(item.acceptedAt)}</time>
                    </dd>
                    {item.dueOn ? (
                      <>
                        <dt>{t('community.work.due')}</dt>
                        <dd>{format.day(item.dueOn)}</dd>
                      </>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ul>
            <Pager
              {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})}
              paged={Boolean(cursor)}
              hrefFor={(next) => (next ? `/community/work?cursor=${encodeURIComponent(next)}` : '/community/work')}
            />
          </>
        )}
      </section>
    </Page>
  );
}
