import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { ROLES, type Role } from '../../../kernel/roles.ts';
import { covers } from '../../../kernel/jurisdiction.ts';
import { BookingCancelled, BookingMade, RoomAdded } from '../../../contracts/premises.ts';
import { keys } from '../keys.ts';
import type { CommunityPremises } from '../sites/domain.ts';

export type Bookable = 'public' | 'staff';

/** A room at a site: public rooms residents may book, staff rooms only staff. */
export interface Room {
  id: string;
  siteId: string;
  community: string;
  street: string;
  district: string;
  address: string;
  name: string;
  capacity: number;
  bookable: Bookable;
  addedAt: string;
  addedBy: string;
}

export interface RoomChange {
  room: Room;
  events: DomainEvent[];
}

export function addRoom(
  premises: CommunityPremises,
  siteId: string,
  roomId: string,
  input: { name: string; capacity: number; bookable: Bookable },
  cause: Cause,
): RoomChange {
  const site = premises.sites.find((s) => s.id === siteId);
  if (!site) throw new NotFoundError(`No site ${siteId}.`);
  const room: Room = {
    id: roomId,
    siteId,
    community: premises.community,
    street: premises.street,
    district: premises.district,
    address: site.address,
    ...input,
    addedAt: cause.now,
    addedBy: cause.actor.sub,
  };
  const event = newEvent(
    RoomAdded,
    keys.room(roomId).pk,
    { roomId, siteId, community: room.community, street: room.street, name: room.name, capacity: room.capacity, bookable: room.bookable },
    cause,
  );
  return { room, events: [event] };
}

// ---- bookings ----

export const SLOT_MS = 15 * 60_000;

/** A window of at most this many days can be listed at once (its slots are read in one go). */
export const MAX_LIST_DAYS = 31;
export const MAX_BOOKING_MS = 8 * 3600_000;
/** How far ahead a room can be booked. */
export const MAX_DAYS_AHEAD = 366;

/** Every role but the resident's and the operator's (no business writes) is staff. */
type StaffRole = Exclude<Role, 'resident' | 'operator'>;
export const STAFF_ROLES: readonly StaffRole[] = ROLES.filter((r): r is StaffRole => r !== 'resident' && r !== 'operator');
/** Residents book public rooms; staff any room of their street. */
export const BOOKER_ROLES: readonly Role[] = ['resident', ...STAFF_ROLES];

/** Why a window cannot be booked as it stands (empty when it can): 15-minute boundaries, at most 8 hours. */
export function windowProblems(startsAt: string, endsAt: string): Array<{ field: 'startsAt' | 'endsAt'; message: string }> {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  const problems: Array<{ field: 'startsAt' | 'endsAt'; message: string }> = [];
  if (start % SLOT_MS !== 0) problems.push({ field: 'startsAt', message: 'on a 15-minute boundary (:00, :15, :30, :45)' });
  if (end % SLOT_MS !== 0) problems.push({ field: 'endsAt', message: 'on a 15-minute boundary (:00, :15, :30, :45)' });
  if (end <= start) problems.push({ field: 'endsAt', message: 'after startsAt' });
  else if (end - start > MAX_BOOKING_MS) problems.push({ field: 'endsAt', message: 'at most 8 hours after startsAt' });
  return problems;
}

/** The starts of the 15-minute slots a window covers, as ISO instants (UTC). */
export function slotStarts(startsAt: string, endsAt: string): string[] {
  const slots: string[] = [];
  for (let t = Date.parse(startsAt); t < Date.parse(endsAt); t += SLOT_MS) slots.push(new Date(t).toISOString());
  return slots;
}

export interface Booking {
  id: string;
  roomId: string;
  roomName: string;
  siteId: string;
  community: string;
  street: string;
  address: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
  attendees: number;
  bookedBy: string;
  meetingId?: string;
  status: 'booked' | 'cancelled';
  bookedAt: string;
  cancelledAt?: string;
  cancelledBy?: string;
  version: number;
}

export interface BookingChange {
  booking: Booking;
  /** The slots the booking takes (on booking) or frees (on cancel). */
  slots: string[];
  events: DomainEvent[];
}

export interface Viewer {
  roles: readonly string[];
  jurisdiction?: string;
}
const isStaff = (actor: Viewer) => actor.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));

/** A street's own staff: staff whose jurisdiction is the street, a community of it, or its district. */
export const isStaffOf = (actor: Viewer, street: string) => {
  const own = actor.jurisdiction ?? '';
  return isStaff(actor) && own !== '' && (covers(own, street) || covers(street, own));
};

/**
 * Who may know a room exists: everyone signed in, of a public room (residents must find it to go
 * there); only the street's own staff (and its district's), of a staff room. To anyone else a staff
 * room is not there at all (404), so neither its existence nor its name or place leaks.
 */
export const maySeeRoom = (room: Pick<Room, 'bookable' | 'street'>, viewer: Viewer) => room.bookable === 'public' || isStaffOf(viewer, room.street);

/**
 * A room as every answer shows it, to everyone who may see it: where it is (its site's address)
 * and what it offers. Who added it and when stay in its history (RoomAdded).
 */
export function roomView(room: Room) {
  return {
    id: room.id,
    siteId: room.siteId,
    community: room.community,
    street: room.street,
    address: room.address,
    name: room.name,
    capacity: room.capacity,
    bookable: room.bookable,
  };
}

/**
 * Book a room for a window. The window's shape (boundaries, 8 hours) is checked where it is parsed;
 * here what depends on the room and the clock. That no other booking holds a slot is not checked
 * here at all: the store's slot items make the commit fail (409) when one does.
 */
export function bookRoom(
  room: Room,
  input: { startsAt: string; endsAt: string; purpose: string; attendees: number; meetingId?: string },
  bookingId: string,
  cause: Cause,
): BookingChange {
  // The service itself books for joint meetings (VenueRequested): it may use any room.
  if (room.bookable === 'staff' && !cause.actor.roles.includes('service')) {
    if (!isStaff(cause.actor)) throw new ForbiddenError(`${room.name} is for staff only; residents may book public rooms.`);
    // Staff rooms are for the street's own staff and those above it (its district's offices).
    if (!isStaffOf(cause.actor, room.street)) {
      throw new ForbiddenError(`${room.name} is a staff room of ${room.street}; ${cause.actor.jurisdiction ?? 'no jurisdiction'} is not its staff.`);
    }
  }
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  if (Date.parse(startsAt) < Date.parse(cause.now)) {
    throw new UnprocessableError(`The window starts in the past (${startsAt}).`, [{ field: 'body.startsAt', message: 'in the future' }]);
  }
  if (Date.parse(startsAt) > Date.parse(cause.now) + MAX_DAYS_AHEAD * 86_400_000) {
    throw new UnprocessableError(`Rooms are booked at most ${MAX_DAYS_AHEAD} days ahead.`, [
      { field: 'body.startsAt', message: `within ${MAX_DAYS_AHEAD} days` },
    ]);
  }
  if (input.attendees > room.capacity) {
    throw new UnprocessableError(`${room.name} seats ${room.capacity}, not ${input.attendees}.`, [
      { field: 'body.attendees', message: `at most ${room.capacity}` },
    ]);
  }
  const booking: Booking = {
    id: bookingId,
    roomId: room.id,
    roomName: room.name,
    siteId: room.siteId,
    community: room.community,
    street: room.street,
    address: room.address,
    startsAt,
    endsAt,
    purpose: input.purpose,
    attendees: input.attendees,
    bookedBy: cause.actor.sub,
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    status: 'booked',
    bookedAt: cause.now,
    version: 1,
  };
  const event = newEvent(
    BookingMade,
    keys.booking(bookingId).pk,
    {
      bookingId,
      roomId: room.id,
      street: room.street,
      startsAt,
      endsAt,
      attendees: input.attendees,
      bookedBy: booking.bookedBy,
      ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    },
    cause,
  );
  return { booking, slots: slotStarts(startsAt, endsAt), events: [event] };
}

/** Cancel: the booker, or a street official of the room's street. The slots are freed in the same commit. */
export function cancelBooking(booking: Booking, cause: Cause): BookingChange {
  const { actor } = cause;
  const official = actor.roles.includes('street-official') && actor.jurisdiction !== undefined && covers(actor.jurisdiction, booking.street);
  if (actor.sub !== booking.bookedBy && !official) {
    throw new ForbiddenError('Only the booker or a street official of the room’s street may cancel this booking.');
  }
  if (booking.status === 'cancelled') throw new ConflictError(`Booking ${booking.id} was already cancelled.`);
  if (Date.parse(booking.endsAt) <= Date.parse(cause.now)) {
    throw new ConflictError(`Booking ${booking.id} ended at ${booking.endsAt}; it is part of the record now.`);
  }
  const cancelled: Booking = { ...booking, status: 'cancelled', cancelledAt: cause.now, cancelledBy: actor.sub, version: booking.version + 1 };
  const event = newEvent(
    BookingCancelled,
    keys.booking(booking.id).pk,
    { bookingId: booking.id, roomId: booking.roomId, street: booking.street, startsAt: booking.startsAt, endsAt: booking.endsAt, cancelledBy: actor.sub },
    cause,
  );
  return { booking: cancelled, slots: slotStarts(booking.startsAt, booking.endsAt), events: [event] };
}

/** A booking in full (`view: full`), as its booker and the street's staff see it; `version` is the store's. */
export function fullBooking(booking: Booking) {
  const { version: _version, ...shown } = booking;
  return { view: 'full' as const, ...shown };
}

/**
 * What a caller sees of a booking: the booker (their own) and the staff of the room's street and
 * district see all of it; everyone else — other residents, operators, and staff of other streets
 * and districts — sees only that the room is busy then (`view: busy`): not who booked, why, or how many.
 */
export function bookingView(booking: Booking, viewer: Viewer & { sub: string }) {
  if (booking.bookedBy === viewer.sub || isStaffOf(viewer, booking.street)) return fullBooking(booking);
  return { view: 'busy' as const, startsAt: booking.startsAt, endsAt: booking.endsAt };
}
