import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { ROLES } from '../../../kernel/roles.ts';
import { SiteId } from '../sites/routes.ts';
import { BOOKER_ROLES, windowProblems } from './domain.ts';
import { MAX_LIST_DAYS } from './store.ts';

const Ulid = (what: string) => z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, `a ${what} id`));
const RoomId = z.strictObject({ id: Ulid('room') });
/** An instant with its offset: `2026-12-01T09:00:00+08:00` or `…Z`. */
const Instant = z.iso.datetime({ offset: true, message: 'an ISO date-time with offset, such as 2026-12-01T09:00:00+08:00' });

/** Rooms at sites, and bookings of them: no two bookings of a room overlap. */
export const roomRoutes = defineRoutes({
  addRoom: {
    method: 'POST',
    path: '/premises/sites/{id}/rooms',
    summary: 'A room at a site: name, capacity, and whether residents may book it (public) or only staff.',
    access: { roles: ['street-official', 'community-worker'], jurisdiction: 'subject' },
    params: SiteId,
    body: z.strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
      capacity: z.number().check(z.int('a whole number'), z.gte(1), z.lte(2000)),
      bookable: z.enum(['public', 'staff']),
    }),
    status: 201,
    idempotent: true,
  },
  bookRoom: {
    method: 'POST',
    path: '/premises/rooms/{id}/bookings',
    summary: 'Book a room: 15-minute boundaries, at most 8 hours, attendees within capacity; any overlap with a booking 409. Residents book public rooms.',
    // The room decides who may book it (public or staff, and whose staff), so the route names no subject.
    access: { roles: BOOKER_ROLES, jurisdiction: 'any' },
    params: RoomId,
    body: z
      .strictObject({
        startsAt: Instant,
        endsAt: Instant,
        purpose: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
        attendees: z.number().check(z.int('a whole number'), z.gte(1), z.lte(2000)),
      })
      .check(z.superRefine((b, ctx) => {
        for (const p of windowProblems(b.startsAt, b.endsAt)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
      })),
    status: 201,
    idempotent: true,
  },
  cancelBooking: {
    method: 'DELETE',
    path: '/premises/bookings/{id}',
    summary: 'Cancel a booking (the booker, or a street official of the street): its slots are free at once.',
    access: { roles: BOOKER_ROLES, jurisdiction: 'any' },
    params: z.strictObject({ id: Ulid('booking') }),
    status: 200,
  },
  roomBookings: {
    method: 'GET',
    path: '/premises/rooms/{id}/bookings',
    summary: `A room's bookings in a window (default the coming 7 days, at most ${MAX_LIST_DAYS}); others' bookings show as busy time only, except to staff of the room's street (and its district).`,
    access: { roles: ROLES, jurisdiction: 'any' },
    params: RoomId,
    query: z
      .strictObject({ from: z.optional(Instant), to: z.optional(Instant) })
      .check(z.superRefine((q, ctx) => {
        if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'after from' });
        if (q.from && q.to && Date.parse(q.to) - Date.parse(q.from) > MAX_LIST_DAYS * 86_400_000) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_LIST_DAYS} days after from` });
        }
      })),
    status: 200,
  },
});
