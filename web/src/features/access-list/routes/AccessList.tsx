import { useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';
import { DISTRICT, nameOf } from '../../../lib/places.ts';
import { accessList } from '../api/access-list.ts';

/** The district's work-item access list: what departments may hand communities. Public. */
export function AccessList() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const loaded = useLoad(() => accessList(DISTRICT.id, cursor), [cursor]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('access.title')} lead={t('access.intro')}>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p>{t('access.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="access-caption" tabIndex={0}>
          <table>
            <caption id="access-caption">{t('access.caption', { district: nameOf(DISTRICT.id, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.code')}</th>
                <th scope="col">{t('access.item')}</th>
                <th scope="col">{t('access.departments')}</th>
                <th scope="col">{t('access.approvedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((item) => (
                <tr key={item.code}>
                  <td>{item.code}</td>
                  <td>
                    <strong>{item.title}</strong>
                    <br />
                    {item.description}
                  </td>
                  <td>{item.departments.length ? format.list(item.departments) : t('access.anyDepartment')}</td>
                  <td>{format.date(item.approvedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.state === 'ready' ? (
        <Pager
          {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})}
          paged={Boolean(cursor)}
          hrefFor={(next) => (next ? `/access-list?cursor=${encodeURIComponent(next)}` : '/access-list')}
        />
      ) : null}
    </Page>
  );
}
