import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { ROLES } from '../../../kernel/roles.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { SiteId } from '../sites/routes.ts';
import { BOOKER_ROLES, MAX_LIST_DAYS, windowProblems } from './domain.ts';
import { ulidOf } from '../../../kernel/ids.ts';
import { BookingSchema, RoomBookingsSchema, RoomSchema } from './schemas.ts';

const RoomId = z.strictObject({ id: ulidOf('a room id') });
/** An instant with its offset: `2026-12-01T09:00:00+08:00` or `…Z`. */
const Instant = z.iso.datetime({ offset: true, message: 'an ISO date-time with offset, such as 2026-12-01T09:00:00+08:00' });

const hall = {
  id: '01JF3Q2M8N7P6R5S4T3V2W1X0Y',
  siteId: '01JF3PZ6K5J4H3G2F1E0D9C8B7',
  community: 'D01/S03/C07',
  street: 'D01/S03',
  address: '12 Harmony Road',
  name: 'Community hall',
  capacity: 60,
  bookable: 'public',
} as const;

const VISIBILITY =
  "A public room is shown to every signed-in caller; a staff room only to the staff of its street (a community of it, the street, or its district), and to anyone else it does not exist (404).";

/** Rooms at sites, and bookings of them: no two bookings of a room overlap. */
export const roomRoutes = defineRoutes({
  addRoom: {
    method: 'POST',
    path: '/premises/sites/{id}/rooms',
    summary: 'Add a room to a site',
    description: 'A room at a site: `name`, `capacity` (seats), and whether residents may book it (`public`) or only staff (`staff`). → `RoomAdded`.',
    access: { roles: ['street-official', 'community-worker'], jurisdiction: 'subject' },
    params: SiteId,
    body: z.strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
      capacity: z.number().check(z.int('a whole number'), z.gte(1), z.lte(2000)),
      bookable: z.enum(['public', 'staff']),
    }),
    status: 201,
    idempotent: true,
    response: RoomSchema,
  },
  listRooms: {
    method: 'GET',
    path: '/premises/rooms',
    summary: 'List the rooms of a community, street or site',
    description: `The rooms of exactly one of \`community\` (\`D01/S03/C07\`), \`street\` (\`D01/S03\`) or \`site\` (a site id), by community, site and room; \`bookable\` narrows them to public or staff rooms. Each room says where it is (its site's address). ${VISIBILITY} A caller who is not staff of the street is listed only its public rooms (\`bookable=staff\` lists none). Paged; a page may hold fewer than \`limit\` rooms while a \`cursor\` follows.`,
    access: { roles: ROLES, jurisdiction: 'any' },
    query: z
      .extend(PageQuery, {
        community: z.optional(CommunitySchema),
        street: z.optional(StreetSchema),
        site: z.optional(ulidOf('a site id')),
        bookable: z.optional(z.enum(['public', 'staff'])),
      })
      .check(
        z.superRefine((q, ctx) => {
          const places = [q.community, q.street, q.site].filter((p) => p !== undefined).length;
          if (places !== 1) ctx.addIssue({ code: 'custom', path: ['community'], message: 'exactly one of community, street or site' });
        }),
      ),
    status: 200,
    response: pageOf(RoomSchema),
    examples: { response: { items: [hall], cursor: 'eyJwayI6IlJPT00jMDFKRjNRMk04TjdQNlI1UzRUM1YyVzFYMFkifQ' } },
  },
  getRoom: {
    method: 'GET',
    path: '/premises/rooms/{id}',
    summary: 'Get a room',
    description: `One room and where it is. ${VISIBILITY}`,
    access: { roles: ROLES, jurisdiction: 'any' },
    params: RoomId,
    status: 200,
    response: RoomSchema,
  },
  bookRoom: {
    method: 'POST',
    path: '/premises/rooms/{id}/bookings',
    summary: 'Book a room',
    description: `A window on 15-minute boundaries, at most 8 hours, in the future and at most 366 days ahead, with a \`purpose\` and \`attendees\` within the room's capacity (422). Any overlap with another booking of the room is 409, however many book at once. Residents book public rooms; staff also the staff rooms of their street and district. ${VISIBILITY} → \`BookingMade\`.`,
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
    response: BookingSchema,
  },
  cancelBooking: {
    method: 'DELETE',
    path: '/premises/bookings/{id}',
    summary: 'Cancel a booking',
    description:
      'The booker, or a street official of the room\'s street, cancels a booking: its quarter hours are free at once. Others 403; cancelled already, or ended, 409. Answers the booking as cancelled. → `BookingCancelled`.',
    access: { roles: BOOKER_ROLES, jurisdiction: 'any' },
    params: z.strictObject({ id: ulidOf('a booking id') }),
    status: 200,
    response: BookingSchema,
  },
  roomBookings: {
    method: 'GET',
    path: '/premises/rooms/{id}/bookings',
    summary: "List a room's bookings in a window",
    description: `The room, and its bookings holding any quarter hour of [\`from\`, \`to\`) (default the coming 7 days, at most ${MAX_LIST_DAYS}), by start. Each booking is \`full\` to its booker and to the staff of the room's street and district, and \`busy\` (only when) to everyone else. ${VISIBILITY}`,
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
    response: RoomBookingsSchema,
    examples: {
      response: {
        room: hall,
        from: '2027-03-01T00:00:00.000Z',
        to: '2027-03-08T00:00:00.000Z',
        items: [
          { view: 'busy', startsAt: '2027-03-01T11:00:00.000Z', endsAt: '2027-03-01T13:00:00.000Z' },
          {
            view: 'full',
            id: '01JF3R9A8B7C6D5E4F3G2H1J0K',
            roomId: hall.id,
            roomName: hall.name,
            siteId: hall.siteId,
            community: hall.community,
            street: hall.street,
            address: hall.address,
            startsAt: '2027-03-02T11:00:00.000Z',
            endsAt: '2027-03-02T13:00:00.000Z',
            purpose: 'Residents’ council',
            attendees: 15,
            bookedBy: 'resident-1',
            status: 'booked',
            bookedAt: '2027-02-20T08:12:00.000Z',
          },
        ],
      },
    },
  },
});
