import { getMany, queryRange } from '../../../kernel/bulk-read.ts';
import { rangeAll, rangePage } from '../../../kernel/range-page.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { encodeCursor } from '../../../kernel/cursor.ts';
import { putNew, putVersioned, type Commit, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import type { CommunityPremises } from '../sites/domain.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { MAX_LIST_DAYS, SLOT_MS, type Booking, type BookingChange, type Room, type RoomChange } from './domain.ts';

/**
 * The most index items one page of rooms reads to fill itself with rooms the caller may see: past
 * it the page is answered shorter, with a cursor to go on from. Bounds the work of a request.
 */
export const MAX_ROOMS_READ = 500;

/** Where a page of rooms lies in the district's index: a community, a street, or one site. */
export type RoomPlace = { community: string } | { street: string } | { community: string; siteId: string };

interface Slot {
  roomId: string;
  bookingId: string;
  startsAt: string;
}

/**
 * Rooms, bookings and the slot items that keep bookings of a room apart. A slot item exists exactly
 * while a booking holds that quarter hour: written with attribute_not_exists when the booking is
 * made, deleted (only by the booking that holds it) when it is cancelled, both in the booking's
 * own transaction.
 */
export class RoomStore {
  constructor(readonly store: Store) {}

  async room(roomId: string): Promise<Room | undefined> {
    const item = await this.store.get<Stored<Room>>(keys.room(roomId));
    return item && strip(item);
  }

  async booking(bookingId: string): Promise<Booking | undefined> {
    const item = await this.store.get<Stored<Booking>>(keys.booking(bookingId));
    return item && strip(item);
  }

  /**
   * One page of the rooms of a place, by community, site and room, keeping only those `keep`
   * accepts (the rooms the caller may see, of the kind asked). A query of the index slice, never a
   * scan; rooms left out are read and skipped, at most MAX_ROOMS_READ a page. The cursor is the
   * last room read, so a page can be shorter than `limit` and still have one.
   */
  async roomsPage(place: RoomPlace, keep: (room: Room) => boolean, page: { limit: number; cursor?: string }): Promise<Page<Room>> {
    const inPlace = 'street' in place ? place.street : place.community;
    const partition = keys.roomsOfDistrict(districtOf(inPlace));
    const prefix =
      'street' in place ? keys.roomsOfStreet(place.street) : 'siteId' in place ? keys.roomsOfSite(place.community, place.siteId) : keys.roomsOfCommunity(place.community);
    const kept: Room[] = [];
    let cursor = page.cursor;
    let read = 0;
    for (;;) {
      const result = await rangePage<Stored<Room>>(this.store, {
        index: 'gsi1',
        partition,
        prefix,
        limit: Math.min(page.limit + 1, MAX_ROOMS_READ - read),
        ...(cursor ? { cursor } : {}),
        ascending: true,
      });
      for (const item of result.items) {
        read += 1;
        const room = strip(item);
        if (!keep(room)) continue;
        // One more than the page: the rooms of this page end at the one before it.
        if (kept.length === page.limit) return { items: kept, cursor: roomCursor(kept[kept.length - 1]!) };
        kept.push(room);
      }
      if (!result.cursor) return { items: kept };
      if (read >= MAX_ROOMS_READ) return { items: kept, cursor: result.cursor };
      cursor = result.cursor;
    }
  }

  /**
   * The rooms with their sites' addresses as the register holds them now (a room keeps the address
   * its site had when it was added, and a site's address can change): one read of each community.
   */
  async located(rooms: Room[]): Promise<Room[]> {
    const communities = [...new Set(rooms.map((r) => r.community))];
    const premises = await getMany<Stored<CommunityPremises>>(this.store, communities.map(keys.community));
    const address = new Map(premises.flatMap((p) => p.sites.map((site) => [site.id, site.address] as const)));
    return rooms.map((room) => ({ ...room, address: address.get(room.siteId) ?? room.address }));
  }

  /** Every room of a district (or one street of it), for finding a venue. */
  async roomsOf(district: string, street?: string): Promise<Room[]> {
    const items = await rangeAll<Stored<Room>>(this.store, {
      index: 'gsi1',
      partition: keys.roomsOfDistrict(district),
      ...(street ? { prefix: keys.roomsOfStreet(street) } : {}),
      ascending: true,
      maxItems: 5000,
    });
    return items.map(strip);
  }

  /** The slots of a room taken in [from, to): both on 15-minute boundaries. */
  private async slotsIn(roomId: string, from: number, to: number, maxItems: number): Promise<Slot[]> {
    if (to <= from) return [];
    return queryRange<Stored<Slot>>(this.store, {
      partition: keys.slotsOfRoom(roomId),
      from: keys.slotKey(new Date(from).toISOString()),
      to: keys.slotKey(new Date(to - SLOT_MS).toISOString()),
      maxItems,
    });
  }

  /** Whether no booking holds any slot of the window (a read to choose a room; the commit still decides). */
  async isFree(roomId: string, startsAt: string, endsAt: string): Promise<boolean> {
    return (await this.slotsIn(roomId, Date.parse(startsAt), Date.parse(endsAt), 40)).length === 0;
  }

  /** The bookings holding any slot in [from, to), by start. */
  async bookingsIn(roomId: string, from: string, to: string): Promise<Booking[]> {
    const start = Math.floor(Date.parse(from) / SLOT_MS) * SLOT_MS;
    const end = Math.ceil(Date.parse(to) / SLOT_MS) * SLOT_MS;
    const slots = await this.slotsIn(roomId, start, end, (MAX_LIST_DAYS * 86_400_000) / SLOT_MS + 1);
    const ids = [...new Set(slots.map((s) => s.bookingId))];
    const bookings = (await getMany<Stored<Booking>>(this.store, ids.map(keys.booking))).map(strip);
    return bookings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  roomCommit(change: RoomChange): Commit {
    const r = change.room;
    const item = {
      ...keys.room(r.id),
      itemType: 'room',
      gsi1pk: keys.roomsOfDistrict(r.district),
      gsi1sk: keys.roomPlace(r.community, r.siteId, r.id),
      ...r,
    };
    return { writes: [putNew(item, `Room ${r.id} exists.`)], events: change.events };
  }

  /** The booking and one item per slot, each of which must not exist: an overlap fails the whole commit. */
  bookingCommit(change: BookingChange): Commit {
    const b = change.booking;
    const slotWrites = change.slots.map((startsAt) =>
      putNew(
        { ...keys.slot(b.roomId, startsAt), itemType: 'slot', roomId: b.roomId, bookingId: b.id, startsAt },
        `${b.roomName} is already booked at ${startsAt}; choose another time or room.`,
      ),
    );
    return {
      writes: [putNew({ ...keys.booking(b.id), itemType: 'booking', ...b }, `Booking ${b.id} exists.`), ...slotWrites],
      events: change.events,
    };
  }

  /** The booking cancelled and its slots deleted, in one transaction: the slots are free when it commits. */
  cancellationCommit(change: BookingChange): Commit {
    const b = change.booking;
    const frees = change.slots.map(
      (startsAt): Write => ({
        item: {
          Delete: {
            TableName: '',
            Key: keys.slot(b.roomId, startsAt),
            ConditionExpression: '#booking = :booking',
            ExpressionAttributeNames: { '#booking': 'bookingId' },
            ExpressionAttributeValues: { ':booking': b.id },
          },
        },
        conflict: `The slot at ${startsAt} is not held by booking ${b.id}.`,
      }),
    );
    return {
      writes: [putVersioned({ ...keys.booking(b.id), itemType: 'booking', ...b }, `Booking ${b.id} changed meanwhile.`), ...frees],
      events: change.events,
    };
  }
}

/** The cursor after a room of the index, as DynamoDB would give it (table and index keys). */
function roomCursor(room: Room): string {
  return encodeCursor({ ...keys.room(room.id), gsi1pk: keys.roomsOfDistrict(room.district), gsi1sk: keys.roomPlace(room.community, room.siteId, room.id) });
}
