import { useState } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { ErrorView, NetworkNotice } from '../../../components/ErrorView.tsx';
import { Loading, Page } from '../../../components/Page.tsx';
import { useFormat, useLocale, useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useSession } from '../../../lib/auth.ts';
import { useLoad } from '../../../lib/load.ts';
import { districtToday, nameOf } from '../../../lib/places.ts';
import { cancel, roomWeek, type Booking, type BookingItem } from '../api/rooms.ts';
import { BookingForm } from '../components/BookingForm.tsx';
import { addDays, districtDay, mondayOf, startOfDay } from '../components/week.ts';

/** A room's week: each day's busy time (the caller's own bookings in full, to cancel), and the booking form. */
export function RoomWeek() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('week');
  const monday = mondayOf(asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : districtToday());
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | undefined>();
  const [offline, setOffline] = useState<(() => void) | undefined>();
  const loaded = useLoad(
    () => (session ? roomWeek(id, startOfDay(monday), startOfDay(addDays(monday, 7))) : Promise.reject(new ApiError(401))),
    [id, monday, version, session?.sub],
    { keep: true },
  );
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ErrorView error={loaded.error} onRetry={loaded.retry} />;
  const { room, items } = loaded.data;
  const reload = () => setVersion((v) => v + 1);
  const span = (item: { startsAt: string; endsAt: string }) => ({ from: format.time(item.startsAt), to: format.time(item.endsAt) });
  const mine = (item: BookingItem): item is Extract<BookingItem, { view: 'full' }> => item.view === 'full' && item.bookedBy === session?.sub;

  const cancelBooking = async (booking: Extract<BookingItem, { view: 'full' }>) => {
    const attempt = async () => {
      setOffline(undefined);
      try {
        await cancel(booking.id);
        setNotice(t('room.cancelled'));
        reload();
      } catch (error) {
        if (error instanceof ApiError && error.status === 'network') setOffline(() => () => void attempt());
        else reload();
      }
    };
    await attempt();
  };
  const booked = (booking: Booking) => {
    setNotice(t('room.booked', { date: format.day(districtDay(booking.startsAt)), ...span(booking) }));
    // Show the week the booking is in.
    const week = mondayOf(districtDay(booking.startsAt));
    if (week !== monday) navigate(`/rooms/${id}?week=${week}`);
    else reload();
  };

  return (
    <Page title={room.name}>
      <p>
        {t('rooms.where', { community: nameOf(room.community, locale), address: room.address })} · {t('rooms.capacity', { count: room.capacity })}
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {offline ? <NetworkNotice onRetry={offline} /> : null}
      <h2 id="week-title">{t('room.week', { from: format.day(monday), to: format.day(addDays(monday, 6)) })}</h2>
      <nav className="pager" aria-label={t('room.weekNav')}>
        <Link href={`/rooms/${id}?week=${addDays(monday, -7)}`}>{t('room.prevWeek')}</Link>
        <Link href={`/rooms/${id}?week=${addDays(monday, 7)}`}>{t('room.nextWeek')}</Link>
      </nav>
      <ol className="week" aria-labelledby="week-title">
        {days.map((day) => {
          const ofDay = items.filter((item) => districtDay(item.startsAt) === day && (item.view === 'busy' || item.status === 'booked'));
          return (
            <li key={day} className="day">
              <h3>{format.weekday(`${day}T12:00:00+08:00`)}</h3>
              {ofDay.length === 0 ? (
                <p className="free">{t('room.free')}</p>
              ) : (
                <ul>
                  {ofDay.map((item) =>
                    mine(item) ? (
                      <li key={item.id} className="slot slot-mine">
                        {t('room.mine', { ...span(item), purpose: item.purpose })}{' '}
                        <button type="button" className="secondary" onClick={() => void cancelBooking(item)}>
                          {t('room.cancel', span(item))}
                        </button>
                      </li>
                    ) : (
                      <li key={item.startsAt} className="slot slot-busy">
                        {t('room.busy', span(item))}
                      </li>
                    ),
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <BookingForm room={room} firstDay={monday < districtToday() ? districtToday() : monday} onBooked={booked} onConflict={reload} />
    </Page>
  );
}
