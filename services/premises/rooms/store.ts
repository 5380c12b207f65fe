import { getMany, queryRange } from '../../../kernel/bulk-read.ts';
import { rangeAll, rangePage } from '../../../kernel/range-page.ts';
import { districtOf } from '../../../kernel/roles.ts';
import { putNew, putVersioned, type Commit, type Page, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../stored.ts';
import { SLOT_MS, type Booking, type BookingChange, type Room, type RoomChange } from './domain.ts';

/** A window of at most this many days can be listed at once (its slots are read in one go). */
export const MAX_LIST_DAYS = 31;

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

  async roomsOfSite(community: string, siteId: string, page: { limit: number; cursor?: string }): Promise<Page<Room>> {
    const result = await rangePage<Stored<Room>>(this.store, {
      index: 'gsi1',
      partition: keys.roomsOfDistrict(districtOf(community)),
      prefix: keys.roomsOfSite(community, siteId),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      ascending: true,
    });
    return { ...result, items: result.items.map(strip) };
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
