import { ulid } from 'ulid';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { SiteStore } from '../sites/store.ts';
import { addRoom, bookingView, bookRoom, cancelBooking } from './domain.ts';
import type { roomRoutes } from './routes.ts';
import { RoomStore } from './store.ts';

const WEEK_MS = 7 * 86_400_000;

export function roomHandlers(table: Store): RouteHandlers<typeof roomRoutes> {
  const sites = new SiteStore(table);
  const rooms = new RoomStore(table);
  const roomOr404 = async (id: string) => {
    const room = await rooms.room(id);
    if (!room) throw new NotFoundError(`No room ${id}.`);
    return room;
  };
  return {
    async addRoom({ params, body, ctx }) {
      const premises = await sites.premisesOfSite(params.id);
      if (!premises) throw new NotFoundError(`No site ${params.id}.`);
      ctx.authorize({ jurisdiction: premises.community });
      const change = addRoom(premises, params.id, ulid(), body, ctx.cause);
      return ctx.commit(rooms.roomCommit(change), { statusCode: 201, body: change.room });
    },

    async bookRoom({ params, body, ctx }) {
      const room = await roomOr404(params.id);
      const change = bookRoom(room, body, ulid(), ctx.cause);
      return ctx.commit(rooms.bookingCommit(change), { statusCode: 201, body: change.booking });
    },

    async cancelBooking({ params, ctx }) {
      const booking = await rooms.booking(params.id);
      if (!booking) throw new NotFoundError(`No booking ${params.id}.`);
      const change = cancelBooking(booking, ctx.cause);
      return ctx.commit(rooms.cancellationCommit(change), { statusCode: 200, body: change.booking });
    },

    async roomBookings({ params, query, principal, ctx }) {
      const room = await roomOr404(params.id);
      const from = query.from ? Date.parse(query.from) : query.to ? Date.parse(query.to) - WEEK_MS : Date.parse(ctx.cause.now);
      const to = query.to ? Date.parse(query.to) : from + WEEK_MS;
      const bookings = await rooms.bookingsIn(room.id, new Date(from).toISOString(), new Date(to).toISOString());
      return {
        statusCode: 200,
        body: {
          room,
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          items: bookings.map((b) => bookingView(b, principal)),
        },
      };
    },
  };
}
