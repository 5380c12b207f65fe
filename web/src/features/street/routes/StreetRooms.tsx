import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { ErrorView } from '../../../components/ErrorView.tsx';
import { Pager } from '../../../components/Pager.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { nameOf } from '../../../lib/places.ts';
import { cancel, roomWeek, type Booking } from '../../bookings/api/rooms.ts';
import { streetRooms, type Room } from '../api/rooms.ts';

const WEEK_MS = 7 * 86_400_000;

/** One booking in full (the street's staff see who booked it and why), with the office's cancel while it is to come. */
function BookingLine({ booking, onCancelled }: { booking: Booking; onCancelled: (b: Booking) => void }) {
  const t = useT();
  const format = useFormat();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const when = t('street.rooms.when', { day: format.weekday(booking.startsAt), from: format.time(booking.startsAt), to: format.time(booking.endsAt) });
  const act = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      onCancelled(await cancel(booking.id));
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError('network');
      setProblem(failure.status === 'network' ? t('street.rooms.network') : failure.status === 409 ? t('street.rooms.conflict') : (failure.problem?.detail ?? failure.message));
    } finally {
      setSending(false);
    }
  };
  return (
    <li>
      <p>
        <strong>{when}</strong> {t(booking.meetingId ? 'street.rooms.forMeeting' : 'street.rooms.booking', { purpose: booking.purpose, attendees: booking.attendees })}
        {booking.status === 'cancelled' ? <span className="tag">{t('street.rooms.cancelled')}</span> : null}
      </p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {booking.status === 'booked' && Date.parse(booking.endsAt) > Date.now() ? (
        <button type="button" className="secondary" disabled={sending} onClick={() => void act()}>
          {t('street.rooms.cancel', { when, room: booking.roomName })}
        </button>
      ) : null}
    </li>
  );
}

/** A room of the street and its bookings in the coming 7 days. */
function RoomCard({ room, from }: { room: Room; from: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [cancelled, setCancelled] = useState<Record<string, Booking>>({});
  const loaded = useLoad(() => roomWeek(room.id, new Date(from).toISOString(), new Date(from + WEEK_MS).toISOString()), [room.id, from]);
  const bookings = loaded.state === 'ready' ? loaded.data.items.filter((b): b is Booking => b.view === 'full') : [];
  return (
    <li className="card">
      <h2>
        <Link href={`/rooms/${room.id}`}>{room.name}</Link>
      </h2>
      <p>{t('street.rooms.where', { community: nameOf(room.community, locale), address: room.address, capacity: room.capacity })}</p>
      <p>
        <span className={`tag tag-room-${room.bookable}`}>{t(room.bookable === 'public' ? 'street.rooms.public' : 'street.rooms.staff')}</span>
      </p>
      <h3>{t('street.rooms.week', { room: room.name })}</h3>
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'failed' ? <p role="alert">{t('street.rooms.failed')}</p> : null}
      {loaded.state === 'ready' && bookings.length === 0 ? <p>{t('street.rooms.none')}</p> : null}
      {bookings.length ? (
        <ul className="bookings">
          {bookings.map((b) => (
            <BookingLine key={b.id} booking={cancelled[b.id] ?? b} onCancelled={(c) => setCancelled({ ...cancelled, [c.id]: c })} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The street's rooms, public and staff, each with who has booked it in the coming week (in full:
 * the street's office sees every booking of its rooms) and a cancel of one still to come; booking
 * goes through the room's week page.
 */
export function StreetRooms() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession();
  const cursor = new URLSearchParams(useSearch()).get('cursor') ?? undefined;
  const official = session?.roles.includes('street-official') ?? false;
  const street = session?.jurisdiction.split('/').slice(0, 2).join('/') ?? '';
  const [from] = useState(() => Date.now());
  const loaded = useLoad(() => (official ? streetRooms(street, cursor) : Promise.reject(new ApiError(session ? 403 : 401))), [street, cursor, session?.sub]);
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  return (
    <Page title={t('street.rooms.title', { street: nameOf(street, locale) })} lead={t('street.rooms.intro')}>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          {loaded.data.items.length === 0 ? <p role="status">{t('street.rooms.empty')}</p> : null}
          <ul className="cards">
            {loaded.data.items.map((room) => (
              <RoomCard key={room.id} room={room} from={from} />
            ))}
          </ul>
          <Pager {...(loaded.data.cursor ? { cursor: loaded.data.cursor } : {})} paged={Boolean(cursor)} hrefFor={(next) => (next ? `/street/rooms?cursor=${encodeURIComponent(next)}` : '/street/rooms')} />
        </>
      )}
    </Page>
  );
}
