import type * as z from 'zod/mini';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import type { VenueRequested } from '../../../contracts/coordination.ts';
import { VenueBooked, VenueUnavailable } from '../../../contracts/premises.ts';
import { keys } from '../keys.ts';
import { MAX_BOOKING_MS, MAX_DAYS_AHEAD, SLOT_MS, type Booking, type Room } from '../rooms/domain.ts';

export type VenueRequest = z.output<(typeof VenueRequested)['data']>;

/**
 * The window to book for a meeting: its own times widened to the enclosing 15-minute slots (a
 * meeting from 09:10 to 10:50 takes the room 09:00 to 11:00), or why no room can be booked for it.
 */
export function venueWindow(request: VenueRequest, now: string): { startsAt: string; endsAt: string } | { unavailable: string } {
  const start = Math.floor(Date.parse(request.startsAt) / SLOT_MS) * SLOT_MS;
  const end = Math.ceil(Date.parse(request.endsAt) / SLOT_MS) * SLOT_MS;
  if (end <= start) return { unavailable: `the meeting ends (${request.endsAt}) before it starts (${request.startsAt})` };
  if (end - start > MAX_BOOKING_MS) return { unavailable: 'the meeting is longer than 8 hours, the longest a room is booked for' };
  if (start < Date.parse(now)) return { unavailable: `the meeting starts in the past (${request.startsAt})` };
  if (start > Date.parse(now) + MAX_DAYS_AHEAD * 86_400_000) {
    return { unavailable: `the meeting is more than ${MAX_DAYS_AHEAD} days ahead; rooms are not booked that far` };
  }
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}

/**
 * The rooms that seat the meeting, in the order they are tried: the preferred street's first, then
 * the district's other streets; within each, the smallest room that fits (large rooms stay free for
 * large meetings), then by community, site and room.
 */
export function candidateRooms(rooms: readonly Room[], request: VenueRequest): Room[] {
  const rank = (r: Room) => (r.street === request.preferredStreet ? 0 : 1);
  return rooms
    .filter((r) => r.capacity >= request.attendees)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.capacity - b.capacity ||
        `${a.community}#${a.siteId}#${a.id}`.localeCompare(`${b.community}#${b.siteId}#${b.id}`),
    );
}

export function venueBooked(meetingId: string, booking: Booking, cause: Cause): DomainEvent {
  return newEvent(
    VenueBooked,
    keys.booking(booking.id).pk,
    {
      meetingId,
      bookingId: booking.id,
      roomId: booking.roomId,
      roomName: booking.roomName,
      siteId: booking.siteId,
      address: booking.address,
      community: booking.community,
      street: booking.street,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
    },
    cause,
  );
}

export function venueUnavailable(meetingId: string, reason: string, cause: Cause): DomainEvent {
  return newEvent(VenueUnavailable, keys.meeting(meetingId), { meetingId, reason }, cause);
}
