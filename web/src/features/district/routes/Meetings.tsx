import { Link, useLocation, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT, type MessageKey } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { meetings } from '../api/district.ts';
import { ConveneForm } from '../components/ConveneForm.tsx';

/** The district's joint meetings, latest first, each with its venue; and a new one convened. */
export function Meetings() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const [, navigate] = useLocation();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const may = session?.roles.includes('district-admin') ?? false;
  const loaded = useLoad(() => (!session ? Promise.reject(new ApiError(401)) : !may ? Promise.reject(new ApiError(403)) : meetings(cursor)), [cursor, session?.sub]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('district.meetingsTitle')} lead={t('district.meetingsLead')}>
      {loaded.data.items.length === 0 ? (
        <p>{t('district.noMeetings')}</p>
      ) : (
        <ul className="cards">
          {loaded.data.items.map((m) => (
            <li key={m.id} className="card">
              <h2>
                <Link href={`/district/meetings/${m.id}`}>{m.title}</Link>
              </h2>
              <p>{t('district.when', { from: format.dateTime(m.startsAt), to: format.time(m.endsAt) })}</p>
              <p>
                {t('district.host', { street: nameOf(m.hostStreet, locale) })} · {t(`district.venue.${m.venue.status}` as MessageKey)}
                {m.venue.roomName ? ` · ${t('district.venueRoom', { room: m.venue.roomName, address: m.venue.address ?? '' })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} hrefFor={(c) => (c ? `/district/meetings?cursor=${encodeURIComponent(c)}` : '/district/meetings')} paged={Boolean(cursor)} />
      <ConveneForm onConvened={(m) => navigate(`/district/meetings/${m.id}`)} />
    </Page>
  );
}
