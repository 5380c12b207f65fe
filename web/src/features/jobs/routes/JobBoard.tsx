import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { useLoad } from '../../../lib/load.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { boardPage, KINDS, type BoardQuery, type PositionKind } from '../api/positions.ts';
import { WindowTag } from '../components/Eligibility.tsx';

function queryOf(search: string): BoardQuery {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  return {
    ...(params.get('street') ? { street: params.get('street')! } : {}),
    ...(kind && (KINDS as readonly string[]).includes(kind) ? { kind: kind as PositionKind } : {}),
    ...(params.get('open') === '1' ? { openNow: true } : {}),
    ...(params.get('cursor') ? { cursor: params.get('cursor')! } : {}),
  };
}

function hrefOf(query: BoardQuery): string {
  const params = new URLSearchParams();
  if (query.street) params.set('street', query.street);
  if (query.kind) params.set('kind', query.kind);
  if (query.openNow) params.set('open', '1');
  if (query.cursor) params.set('cursor', query.cursor);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** The public job board: filter by street, kind and open now; paged by the API's cursor. */
export function JobBoard() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = queryOf(search);
  const [filter, setFilter] = useState({ street: query.street ?? '', kind: query.kind ?? '', openNow: Boolean(query.openNow) });
  const board = useLoad(() => boardPage(query), [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(
      hrefOf({
        ...(filter.street ? { street: filter.street } : {}),
        ...(filter.kind ? { kind: filter.kind as PositionKind } : {}),
        ...(filter.openNow ? { openNow: true } : {}),
      }),
    );
  };

  if (board.state === 'failed') return <ErrorView error={board.error} onRetry={board.retry} />;
  return (
    <Page title={t('jobs.title')} lead={t('jobs.intro')}>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('jobs.filter')}>
        <div className="field">
          <label htmlFor="street">{t('jobs.street')}</label>
          <select id="street" value={filter.street} onChange={(e) => setFilter({ ...filter, street: e.target.value })}>
            <option value="">{t('jobs.anyStreet')}</option>
            {STREETS.map((street) => (
              <option key={street.id} value={street.id}>
                {nameOf(street.id, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kind">{t('jobs.kind')}</label>
          <select id="kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
            <option value="">{t('jobs.anyKind')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="open-now" type="checkbox" checked={filter.openNow} onChange={(e) => setFilter({ ...filter, openNow: e.target.checked })} />
          <label htmlFor="open-now">{t('jobs.openNow')}</label>
        </div>
        <button type="submit">{t('jobs.show')}</button>
      </form>
      {board.state === 'loading' ? (
        <Loading />
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('jobs.results')}</h2>
          <p role="status">{t('jobs.count', { count: board.data.items.length })}</p>
          <ul className="cards">
            {board.data.items.map((position) => (
              <li key={position.id} className="card">
                <h3>
                  <Link href={`/jobs/${position.id}`}>{position.title}</Link>
                </h3>
                <p>
                  {nameOf(position.street, locale)} · {t(`kind.${position.kind}` as MessageKey)} · {t('position.quota', { count: position.quota })}
                </p>
                <p>
                  <WindowTag window={position.window} />{' '}
                  {t('position.window', { opens: format.dateTime(position.opensAt), closes: format.dateTime(position.closesAt) })}
                </p>
              </li>
            ))}
          </ul>
          <Pager
            {...(board.data.cursor ? { cursor: board.data.cursor } : {})}
            paged={Boolean(query.cursor)}
            hrefFor={(cursor) => hrefOf({ ...query, ...(cursor ? { cursor } : { cursor: undefined }) })}
          />
        </section>
      )}
    </Page>
  );
}
