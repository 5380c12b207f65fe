import { useParams, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { companyPage } from '../api/companies.ts';

/** A property company's public page: where it serves, its average rating, the issues it is named on. */
export function CompanyPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { id } = useParams<{ id: string }>();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const loaded = useLoad(() => companyPage(id, cursor), [id, cursor]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const company = loaded.data;
  return (
    <Page title={company.name}>
      <dl className="facts">
        <dt>{t('company.street')}</dt>
        <dd>{nameOf(company.street, locale)}</dd>
        <dt>{t('company.serves')}</dt>
        <dd>{format.list(company.communities.map((c) => nameOf(c, locale)))}</dd>
        <dt>{t('company.rating')}</dt>
        <dd>
          {company.averageRating === null
            ? t('company.noRatings')
            : t('company.ratingValue', { average: format.number(company.averageRating), count: company.ratings })}
        </dd>
      </dl>
      <h2>{t('company.issues')}</h2>
      {company.issues.items.length === 0 ? <p>{t('company.noIssues')}</p> : null}
      <ul className="cards">
        {company.issues.items.map((issue) => (
          <li key={issue.id} className="card">
            <h3>
              {t(`category.${issue.category}` as MessageKey)} · {nameOf(issue.community ?? issue.street, locale)}
            </h3>
            <p>
              <span className="tag">{t(`issueStatus.${issue.status}` as MessageKey)}</span> {t(`urgency.${issue.urgency}` as MessageKey)} ·{' '}
              {t('company.raised', { date: format.dateTime(issue.raisedAt) })}
            </p>
            {Object.keys(issue.ratings).length ? (
              <p>
                {t('company.ratings', {
                  ratings: format.list(Object.entries(issue.ratings).map(([department, score]) => t('company.ratingOf', { department, score }))),
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager
        {...(company.issues.cursor ? { cursor: company.issues.cursor } : {})}
        paged={Boolean(cursor)}
        hrefFor={(next) => (next ? `/companies/${id}?cursor=${encodeURIComponent(next)}` : `/companies/${id}`)}
      />
    </Page>
  );
}
