import { ulid } from 'ulid';
import type { Principal } from '../../../kernel/auth.ts';
import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { SiteStore } from '../sites/store.ts';
import { addRoom, bookingView, bookRoom, cancelBooking, fullBooking, maySeeRoom, roomView, type Room } from './domain.ts';
import type { roomRoutes } from './routes.ts';
import { RoomStore, type RoomPlace } from './store.ts';

const WEEK_MS = 7 * 86_400_000;

export function roomHandlers(table: Store): RouteHandlers<typeof roomRoutes> {
  const sites = new SiteStore(table);
  const rooms = new RoomStore(table);
  /** The room as the caller may see it, at its site's current address; one it may not see is not there. */
  const visibleRoom = async (id: string, principal: Principal): Promise<Room> => {
    const room = await rooms.room(id);
    if (!room || !maySeeRoom(room, principal)) throw new NotFoundError(`No room ${id}.`);
    return (await rooms.located([room]))[0]!;
  };
  return {
    async addRoom({ params, body, ctx }) {
      const premises = await sites.premisesOfSite(params.id);
      if (!premises) throw new NotFoundError(`No site ${params.id}.`);
      ctx.authorize({ jurisdiction: premises.community });
      const change = addRoom(premises, params.id, ulid(), body, ctx.cause);
      return ctx.commit(rooms.roomCommit(change), { statusCode: 201, body: roomView(change.room) });
    },

    async listRooms({ query, principal }) {
      let place: RoomPlace;
      if (query.site) {
        const premises = await sites.premisesOfSite(query.site);
        if (!premises) return { statusCode: 200, body: { items: [] } };
        place = { community: premises.community, siteId: query.site };
      } else {
        place = query.community ? { community: query.community } : { street: query.street! };
      }
      const keep = (room: Room) => maySeeRoom(room, principal) && (query.bookable === undefined || room.bookable === query.bookable);
      const page = await rooms.roomsPage(place, keep, query);
      const items = (await rooms.located(page.items)).map(roomView);
      return { statusCode: 200, body: { items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
    },

    async getRoom({ params, principal }) {
      return { statusCode: 200, body: roomView(await visibleRoom(params.id, principal)) };
    },

    async bookRoom({ params, body, principal, ctx }) {
      const room = await visibleRoom(params.id, principal);
      const change = bookRoom(room, body, ulid(), ctx.cause);
      return ctx.commit(rooms.bookingCommit(change), { statusCode: 201, body: fullBooking(change.booking) });
    },

    async cancelBooking({ params, ctx }) {
      const booking = await rooms.booking(params.id);
      if (!booking) throw new NotFoundError(`No booking ${params.id}.`);
      const change = cancelBooking(booking, ctx.cause);
      return ctx.commit(rooms.cancellationCommit(change), { statusCode: 200, body: fullBooking(change.booking) });
    },

    async roomBookings({ params, query, principal, ctx }) {
      const room = await visibleRoom(params.id, principal);
      const from = query.from ? Date.parse(query.from) : query.to ? Date.parse(query.to) - WEEK_MS : Date.parse(ctx.cause.now);
      const to = query.to ? Date.parse(query.to) : from + WEEK_MS;
      const bookings = await rooms.bookingsIn(room.id, new Date(from).toISOString(), new Date(to).toISOString());
      return {
        statusCode: 200,
        body: {
          room: roomView(room),
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          items: bookings.map((b) => bookingView(b, principal)),
        },
      };
    },
  };
}
