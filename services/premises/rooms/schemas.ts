import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { ulidOf } from '../../../kernel/ids.ts';

/**
 * A room, in every answer that shows one (a list of rooms, one room, a room's bookings, a room
 * added): the same fields for everyone who may see it. A staff room is shown only to the staff of
 * its street and district.
 */
export const RoomSchema = z
  .object({
    id: ulidOf('a room id'),
    siteId: ulidOf('a site id'),
    community: CommunitySchema,
    street: StreetSchema,
    address: z.string().check(z.meta({ description: "The site's address, as the register holds it now: where to go." })),
    name: z.string(),
    capacity: z.number().check(z.int(), z.positive(), z.meta({ description: 'Seats.' })),
    bookable: z.enum(['public', 'staff']).check(z.meta({ description: '`public`: residents may book it; `staff`: only the staff of its street and district.' })),
  })
  .check(z.meta({ title: 'Room' }));

/** A booking in full: to its booker, and to the staff of the room's street and district. */
export const BookingSchema = z
  .object({
    view: z.literal('full'),
    id: ulidOf('a booking id'),
    roomId: ulidOf('a room id'),
    roomName: z.string(),
    siteId: ulidOf('a site id'),
    community: CommunitySchema,
    street: StreetSchema,
    address: z.string().check(z.meta({ description: "The site's address when the room was booked." })),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    purpose: z.string(),
    attendees: z.number().check(z.int(), z.positive()),
    bookedBy: z.string().check(z.meta({ description: 'The `sub` of who booked it (`service` bookings answer a joint meeting).' })),
    meetingId: z.optional(z.string().check(z.meta({ description: 'The joint meeting it was booked for (VenueRequested).' }))),
    status: z.enum(['booked', 'cancelled']),
    bookedAt: z.iso.datetime(),
    cancelledAt: z.optional(z.iso.datetime()),
    cancelledBy: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Booking' }));

/** Someone else's booking, to everyone but the staff of the room's street and district: only that the room is busy. */
export const BusyTimeSchema = z
  .object({
    view: z.literal('busy'),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  })
  .check(z.meta({ title: 'BusyTime' }));

export const RoomBookingsSchema = z
  .object({
    room: RoomSchema,
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    items: z.array(z.discriminatedUnion('view', [BookingSchema, BusyTimeSchema])).check(
      z.meta({ description: 'Bookings holding any quarter hour of [from, to), by start: each `full` or `busy`, as the caller may see it.' }),
    ),
  })
  .check(z.meta({ title: 'RoomBookings' }));
