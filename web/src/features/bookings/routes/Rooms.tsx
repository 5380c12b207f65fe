import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf, STREETS } from '../../../lib/places.ts';
import { publicRooms } from '../api/rooms.ts';

const href = (street: string, cursor?: string) => `/rooms?${new URLSearchParams({ street, ...(cursor ? { cursor } : {}) }).toString()}`;

/** A street's public rooms, to book one. Signed in: the API lists rooms to callers with a token. */
export function Rooms() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const home = session?.jurisdiction.split('/').slice(0, 2).join('/');
  const street = params.get('street') ?? (STREETS.some((s) => s.id === home) ? home! : STREETS[0]!.id);
  const cursor = params.get('cursor') ?? undefined;
  const [chosen, setChosen] = useState(street);
  const loaded = useLoad(() => (session ? publicRooms(street, cursor) : Promise.reject(new ApiError(401))), [street, cursor, session?.sub]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href(chosen));
  };
  return (
    <Page title={t('rooms.title')} lead={t('rooms.intro')}>
      <form className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="street">{t('rooms.street')}</label>
          <select id="street" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {STREETS.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s.id, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('rooms.show')}</button>
      </form>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          {loaded.data.items.length === 0 ? <p role="status">{t('rooms.empty')}</p> : null}
          <ul className="cards">
            {loaded.data.items.map((room) => (
              <li key={room.id} className="card">
                <h2>
                  <Link href={`/rooms/${room.id}`}>{room.name}</Link>
                </h2>
                <p>{t('rooms.where', { community: nameOf(room.community, locale), address: room.address })}</p>
                <p>{t('rooms.capacity', { count: room.capacity })}</p>
              </li>
            ))}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => href(street, next)} />
        </>
      )}
    </Page>
  );
}
