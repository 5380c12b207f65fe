import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMany } from '../kernel/bulk-read.ts';
import { ConflictError } from '../kernel/errors.ts';
import { Store, type Item } from '../kernel/store.ts';
import { addRoom, bookRoom } from '../services/premises/rooms/domain.ts';
import { RoomStore } from '../services/premises/rooms/store.ts';
import { premises } from '../services/premises/service.ts';
import { SiteStore } from '../services/premises/sites/store.ts';
import { causeAt } from '../services/premises/testing.ts';
import { testTable } from './setup/context.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { fieldsOf } from './support/authority.ts';
import { addedRoom, book, premisesTokens, registeredSite, siteBody, slotFromNow, type PremisesTokens } from './support/premises.ts';

/** Rooms and bookings: no two bookings of a room overlap, whatever arrives at once. */
let t: TestCloud;
let as: PremisesTokens;
let siteId: string;
let resident: string;

beforeAll(async () => {
  t = await startTestCloud({ services: [premises] });
  as = await premisesTokens(t);
  resident = await as.resident();
  siteId = await registeredSite(t, as.workerC07, siteBody('D01/S03/C07'));
});
afterAll(() => t?.stop());

type Window = { startsAt: string; endsAt: string };
const overlaps = (a: Window, b: Window) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const listed = async (roomId: string, from: Date, to: Date) =>
  (await t.api('GET', `/premises/rooms/${roomId}/bookings?from=${from.toISOString()}&to=${to.toISOString()}`, { token: as.officialS03 })).body
    .items as Array<Window & { id: string; status: string }>;
const report = (line: string) => process.env.PREMISES_REPORT && process.stderr.write(`[premises] ${line}\n`);

describe('no double booking (50 at once through the gateway: test/races.test.ts)', () => {
  it('property: random windows committed at once never leave two overlapping bookings, and every refusal had a reason', async () => {
    // Straight at the store (the HTTP path: test/races.test.ts): the guarantee is the slot items’.
    const table = new Store(testTable('premises'));
    const rooms = new RoomStore(table);
    const premisesOfC07 = (await new SiteStore(table).premises('D01/S03/C07'))!;
    const booker = causeAt(new Date().toISOString(), 'worker-c07', ['community-worker'], 'D01/S03/C07');
    let runs = 0;
    let attempts = 0;
    let accepted = 0;
    let overlapsFound = 0;
    const window = fc.record({ start: fc.integer({ min: 0, max: 63 }), quarters: fc.integer({ min: 1, max: 32 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(window, { minLength: 2, maxLength: 10 }), async (drawn) => {
        runs += 1;
        const room = addRoom(premisesOfC07, siteId, ulid(), { name: `Room ${runs}`, capacity: 20, bookable: 'public' }, booker);
        await table.commit(rooms.roomCommit(room));
        const asked = drawn.map((w) => ({
          id: ulid(),
          startsAt: slotFromNow(5, w.start).toISOString(),
          endsAt: slotFromNow(5, w.start + w.quarters).toISOString(),
        }));
        const outcomes = await Promise.allSettled(
          asked.map((w) => table.commit(rooms.bookingCommit(bookRoom(room.room, { ...w, purpose: 'Property', attendees: 5 }, w.id, booker)))),
        );
        attempts += asked.length;
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(refused.every((o) => o.reason instanceof ConflictError)).toBe(true);

        // The bookings themselves, read by key, not through the slots that are meant to keep them apart.
        const stored = (await getMany<Item & Window>(table, asked.map((w) => ({ pk: `BOOKING#${w.id}`, sk: 'STATE' })))).map(
          (b) => ({ startsAt: b.startsAt, endsAt: b.endsAt }),
        );
        accepted += stored.length;
        for (let i = 0; i < stored.length; i += 1) {
          for (let j = i + 1; j < stored.length; j += 1) if (overlaps(stored[i]!, stored[j]!)) overlapsFound += 1;
        }
        expect(stored).toHaveLength(outcomes.length - refused.length);
        // No refusal without cause: each refused window overlaps a booking that was stored.
        asked.forEach((w, i) => {
          if (outcomes[i]!.status === 'rejected') expect(stored.some((b) => overlaps(w, b))).toBe(true);
        });
        expect(overlapsFound).toBe(0);
      }),
      { numRuns: 20 },
    );
    report(`property: ${runs} runs, ${attempts} concurrent booking commits, ${accepted} stored, ${overlapsFound} overlapping stored pairs`);
    expect(overlapsFound).toBe(0);
  }, 240_000);

  it('cancel frees the slot at once: the same window can be booked again', async () => {
    const roomId = await addedRoom(t, as.officialS03, siteId);
    const [from, to] = [slotFromNow(4, 36), slotFromNow(4, 44)];
    const first = await book(t, resident, roomId, from, to);
    const clash = await book(t, as.workerC07, roomId, slotFromNow(4, 43), slotFromNow(4, 45));

    const cancelled = await t.api('DELETE', `/premises/bookings/${first.body.id}`, { token: resident });
    const again = await book(t, as.workerC07, roomId, from, to);

    expect(first.status).toBe(201);
    expect(clash.status).toBe(409);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ view: 'full', status: 'cancelled', cancelledBy: 'resident-1' });
    expect(again.status).toBe(201);
    expect((await listed(roomId, slotFromNow(4), slotFromNow(5))).map((b) => b.id)).toEqual([again.body.id]);
  });

  it('back-to-back bookings do not overlap: 10:00–11:00 and 11:00–12:00 are both accepted', async () => {
    const roomId = await addedRoom(t, as.officialS03, siteId);
    expect((await book(t, resident, roomId, slotFromNow(6, 40), slotFromNow(6, 44))).status).toBe(201);
    expect((await book(t, resident, roomId, slotFromNow(6, 44), slotFromNow(6, 48))).status).toBe(201);
  });
});

describe('who books and cancels', () => {
  it('a resident may not book a staff room: to a resident it is not there (404); a community worker books it', async () => {
    const roomId = await addedRoom(t, as.workerC07, siteId, { bookable: 'staff', name: 'Staff office' });
    const refused = await book(t, resident, roomId, slotFromNow(7, 40), slotFromNow(7, 44));
    expect(refused.status).toBe(404);
    expect(refused.body.detail).not.toContain('Staff office');
    expect((await book(t, as.workerC07, roomId, slotFromNow(7, 40), slotFromNow(7, 44))).status).toBe(201);
  });

  it('another resident may not cancel (403), the street’s official may; cancelling twice is 409', async () => {
    const roomId = await addedRoom(t, as.officialS03, siteId);
    const booked = await book(t, resident, roomId, slotFromNow(8, 40), slotFromNow(8, 44));
    const path = `/premises/bookings/${booked.body.id}`;

    expect((await t.api('DELETE', path, { token: await as.resident('resident-2') })).status).toBe(403);
    expect((await t.api('DELETE', path, { token: as.officialS04 })).status).toBe(403);
    expect((await t.api('DELETE', path, { token: as.officialS03 })).status).toBe(200);
    expect((await t.api('DELETE', path, { token: resident })).status).toBe(409);
    expect((await t.api('DELETE', '/premises/bookings/01JZZZZZZZZZZZZZZZZZZZZZZZ', { token: resident })).status).toBe(404);
  });

});

describe('bad input is refused and writes nothing', () => {
  it('windows off the quarter hour, over 8 hours, reversed; missing fields; more attendees than seats; the past', async () => {
    const roomId = await addedRoom(t, as.officialS03, siteId, { capacity: 8 });
    const before = await t.count('premises');
    const at = (q: number) => slotFromNow(12, q);
    const cases: Array<[string, Promise<{ status: number; body: Record<string, any> }>, number, string?]> = [
      ['off the quarter hour', book(t, resident, roomId, new Date(at(40).getTime() + 60_000), at(44), { attendees: 5 }), 400, 'body.startsAt'],
      ['over 8 hours', book(t, resident, roomId, at(40), at(73), { attendees: 5 }), 400, 'body.endsAt'],
      ['ends before it starts', book(t, resident, roomId, at(44), at(40), { attendees: 5 }), 400, 'body.endsAt'],
      ['no purpose', book(t, resident, roomId, at(40), at(44), { attendees: 5, purpose: '' }), 400, 'body.purpose'],
      ['an unknown field', book(t, resident, roomId, at(40), at(44), { attendees: 5, colour: 'red' }), 400, 'body.colour'],
      ['not a date', book(t, resident, roomId, at(40), at(44), { attendees: 5, startsAt: 'tomorrow' }), 400, 'body.startsAt'],
      ['more than seats', book(t, resident, roomId, at(40), at(44), { attendees: 9 }), 422, 'body.attendees'],
      ['in the past', book(t, resident, roomId, slotFromNow(-1, 40), slotFromNow(-1, 44), { attendees: 5 }), 422, 'body.startsAt'],
      ['not a room id', book(t, resident, 'room-1', at(40), at(44)), 400, 'path.id'],
      ['no such room', book(t, resident, '01JZZZZZZZZZZZZZZZZZZZZZZZ', at(40), at(44)), 404],
    ];
    for (const [name, answer, status, field] of cases) {
      const { status: got, body } = await answer;
      expect(got, name).toBe(status);
      if (field) expect(fieldsOf(body), name).toContain(field);
    }
    const list = await t.api('GET', `/premises/rooms/${roomId}/bookings?from=${at(44).toISOString()}&to=${at(40).toISOString()}`, { token: resident });
    expect(list.status).toBe(400);
    expect(await t.count('premises')).toBe(before);
  });

  it('a room needs a name, a capacity of at least 1 and public or staff; a token is required', async () => {
    const before = await t.count('premises');
    const add = (body: Record<string, unknown>) => t.api('POST', `/premises/sites/${siteId}/rooms`, { token: as.officialS03, body });
    expect((await add({ name: 'Hall', capacity: 0, bookable: 'public' })).status).toBe(400);
    expect((await add({ name: 'Hall', capacity: 10, bookable: 'everyone' })).status).toBe(400);
    expect((await add({ capacity: 10, bookable: 'public' })).status).toBe(400);
    expect((await t.api('POST', `/premises/sites/${siteId}/rooms`, { token: as.workerC08, body: { name: 'Hall', capacity: 10, bookable: 'public' } })).status).toBe(403);
    expect((await t.api('GET', `/premises/rooms/01JZZZZZZZZZZZZZZZZZZZZZZZ/bookings`)).status).toBe(401);
    expect(await t.count('premises')).toBe(before);
  });
});
