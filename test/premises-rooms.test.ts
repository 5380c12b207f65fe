import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { premises } from '../services/premises/service.ts';
import { fieldsOf } from './support/authority.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { addedRoom, book, premisesTokens, registeredSite, siteBody, slotFromNow, type PremisesTokens } from './support/premises.ts';

/**
 * Finding rooms, and what each caller sees of a room and its bookings (README, "Who sees what of a
 * room"): the booker their own booking in full; the staff of the room's street and district every
 * booking in full; everyone else busy time only. A public room, with where it is, to every caller;
 * a staff room to no one but the staff of its street and district (404 to the others).
 */
let t: TestCloud;
let as: PremisesTokens;
let resident: string;
let otherResident: string;
let outsiders: Record<string, string>;
let site: { c01: string; c02: string };
let rooms: { hall: string; office: string; library: string };
let booked: { byResident: string; byOfficial: string };

const STREET = 'D01/S05';
const ROOM_FIELDS = ['address', 'bookable', 'capacity', 'community', 'id', 'name', 'siteId', 'street'];
const window = `from=${slotFromNow(3).toISOString()}&to=${slotFromNow(4).toISOString()}`;
const bookingsOf = (room: string, token: string) => t.api('GET', `/premises/rooms/${room}/bookings?${window}`, { token });
const list = (query: string, token: string) => t.api('GET', `/premises/rooms?${query}`, { token });
const ids = (answer: { body: Record<string, any> }) => (answer.body.items as Array<{ id: string }>).map((r) => r.id);

let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestCloud({ services: [premises] });
  as = await premisesTokens(t);
  const token = (sub: string, role: Parameters<TestCloud['token']>[0]['roles'][number], jurisdiction: string) => t.token({ sub, roles: [role], jurisdiction });
  const officialS05 = await token('official-s05', 'street-official', STREET);
  resident = await token('resident-s05', 'resident', `${STREET}/C01`);
  otherResident = await token('resident-s05-b', 'resident', `${STREET}/C01`);
  staff = {
    'the street official': officialS05,
    'a community worker of another community of the street': await token('worker-s05-c09', 'community-worker', `${STREET}/C09`),
    "the district's department": as.department,
    "the district's admin": as.admin,
  };
  outsiders = {
    'a street official of another street': as.officialS04,
    'a district admin of another district': as.adminD02,
    'a department of another district': await token('market-d02', 'department', 'D02'),
    'an operator': as.operator,
    'a resident of another district': await token('resident-d02', 'resident', 'D02/S01/C01'),
  };
  site = {
    c01: await registeredSite(t, officialS05, siteBody(`${STREET}/C01`, { address: '5 Lotus Lane' })),
    c02: await registeredSite(t, officialS05, siteBody(`${STREET}/C02`, { address: '8 Willow Street' })),
  };
  rooms = {
    hall: await addedRoom(t, officialS05, site.c01, { name: 'Community hall', capacity: 60 }),
    office: await addedRoom(t, officialS05, site.c01, { name: 'Party office', capacity: 8, bookable: 'staff' }),
    library: await addedRoom(t, officialS05, site.c02, { name: 'Reading room', capacity: 12 }),
  };
  const made = await book(t, resident, rooms.hall, slotFromNow(3, 40), slotFromNow(3, 44), { purpose: 'Tenants’ meeting', attendees: 30 });
  const staffMade = await book(t, officialS05, rooms.office, slotFromNow(3, 40), slotFromNow(3, 44), { purpose: 'Cadre talk', attendees: 4 });
  if (made.status !== 201 || staffMade.status !== 201) throw new Error(`bookings: ${made.status} ${staffMade.status}`);
  booked = { byResident: made.body.id, byOfficial: staffMade.body.id };
});
afterAll(() => t?.stop());

describe('what each caller sees of a room’s bookings', () => {
  it('the booker sees their own booking in full, as it was answered when made', async () => {
    const answer = await bookingsOf(rooms.hall, resident);

    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      expect.objectContaining({ view: 'full', id: booked.byResident, bookedBy: 'resident-s05', purpose: 'Tenants’ meeting', attendees: 30, address: '5 Lotus Lane' }),
    ]);
    expect(answer.body.items[0]).not.toHaveProperty('version');
  });

  it('another resident sees busy time only: no booking id, booker, purpose or head count', async () => {
    const answer = await bookingsOf(rooms.hall, otherResident);

    expect(answer.body.items).toEqual([{ view: 'busy', startsAt: slotFromNow(3, 40).toISOString(), endsAt: slotFromNow(3, 44).toISOString() }]);
  });

  it('the staff of the room’s street, of a community of it, and of its district see every booking in full', async () => {
    for (const [who, token] of Object.entries(staff)) {
      const answer = await bookingsOf(rooms.hall, token);
      expect({ who, items: answer.body.items }).toEqual({ who, items: [expect.objectContaining({ view: 'full', bookedBy: 'resident-s05', purpose: 'Tenants’ meeting' })] });
    }
  });

  it('staff of another street or district, operators and residents elsewhere see busy time only', async () => {
    for (const [who, token] of Object.entries(outsiders)) {
      const answer = await bookingsOf(rooms.hall, token);
      expect({ who, status: answer.status, views: answer.body.items.map((b: { view: string }) => Object.keys(b).sort()) }).toEqual({
        who,
        status: 200,
        views: [['endsAt', 'startsAt', 'view']],
      });
    }
  });
});

describe('what each caller sees of a room', () => {
  it('a public room, with where it is, to every caller: the same fields in the room, its bookings, and the list', async () => {
    for (const [who, token] of Object.entries({ resident, ...staff, ...outsiders })) {
      const one = await t.api('GET', `/premises/rooms/${rooms.hall}`, { token });
      const inBookings = (await bookingsOf(rooms.hall, token)).body.room;
      const listed = (await list(`community=${STREET}/C01`, token)).body.items.find((r: { id: string }) => r.id === rooms.hall);
      expect({ who, status: one.status, fields: Object.keys(one.body).sort() }).toEqual({ who, status: 200, fields: ROOM_FIELDS });
      expect({ who, room: one.body }).toEqual({ who, room: { id: rooms.hall, siteId: site.c01, community: `${STREET}/C01`, street: STREET, address: '5 Lotus Lane', name: 'Community hall', capacity: 60, bookable: 'public' } });
      expect({ who, inBookings, listed }).toEqual({ who, inBookings: one.body, listed: one.body });
    }
  });

  it('a staff room is not there for residents, operators and staff of other streets: 404 on the room, its bookings and booking it, the same as no room', async () => {
    const none = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    for (const [who, token] of Object.entries({ resident, ...outsiders })) {
      const answers = [
        await t.api('GET', `/premises/rooms/${rooms.office}`, { token }),
        await bookingsOf(rooms.office, token),
        ...(who === 'an operator' ? [] : [await book(t, token, rooms.office, slotFromNow(3, 60), slotFromNow(3, 62), { attendees: 2 })]),
      ];
      const missing = await t.api('GET', `/premises/rooms/${none}`, { token });
      expect({ who, statuses: answers.map((a) => a.status) }).toEqual({ who, statuses: answers.map(() => 404) });
      expect({ who, details: answers.map((a) => a.body.detail.replace(rooms.office, none)) }).toEqual({ who, details: answers.map(() => missing.body.detail) });
    }
  });

  it('the staff of the street and district see the staff room and its bookings in full', async () => {
    for (const [who, token] of Object.entries(staff)) {
      const one = await t.api('GET', `/premises/rooms/${rooms.office}`, { token });
      const bookings = await bookingsOf(rooms.office, token);
      expect({ who, status: one.status, bookable: one.body.bookable }).toEqual({ who, status: 200, bookable: 'staff' });
      expect({ who, items: bookings.body.items }).toEqual({ who, items: [expect.objectContaining({ view: 'full', id: booked.byOfficial, purpose: 'Cadre talk' })] });
    }
  });
});

describe('listing the rooms of a place', () => {
  it('a resident lists the public rooms of a community and of a street, each with where it is; never a staff room', async () => {
    const ofCommunity = await list(`community=${STREET}/C01`, resident);
    const ofStreet = await list(`street=${STREET}`, resident);
    const staffOnly = await list(`street=${STREET}&bookable=staff`, resident);

    expect(ids(ofCommunity)).toEqual([rooms.hall]);
    expect(ofStreet.body.items.map((r: { name: string; address: string }) => [r.name, r.address])).toEqual([
      ['Community hall', '5 Lotus Lane'],
      ['Reading room', '8 Willow Street'],
    ]);
    expect(staffOnly.body).toEqual({ items: [] });
  });

  it('the street’s staff list its staff rooms too; `bookable` narrows; `site` lists one site’s rooms', async () => {
    const official = staff['the street official']!;
    expect(ids(await list(`street=${STREET}`, official)).sort()).toEqual([rooms.hall, rooms.office, rooms.library].sort());
    expect(ids(await list(`street=${STREET}&bookable=staff`, official))).toEqual([rooms.office]);
    expect(ids(await list(`site=${site.c01}`, official)).sort()).toEqual([rooms.hall, rooms.office].sort());
    expect(ids(await list(`site=${site.c01}`, resident))).toEqual([rooms.hall]);
    expect(ids(await list('site=01JZZZZZZZZZZZZZZZZZZZZZZZ', official))).toEqual([]);
  });

  it('pages of one room walk the street’s rooms once each, skipping the staff room a resident may not see', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`street=${STREET}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, resident);
      expect(page.status).toBe(200);
      seen.push(...ids(page));
      cursor = page.body.cursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(seen).toEqual([rooms.hall, rooms.library]);
    expect(pages).toBe(2);
  });

  it('exactly one of community, street or site: none, two, or a malformed one is 400 naming it and writes nothing; a token is required', async () => {
    const before = await t.count('premises');
    const cases: Array<[string, string, string]> = [
      ['neither', '', 'query.community'],
      ['both', `community=${STREET}/C01&street=${STREET}`, 'query.community'],
      ['a street as a community', `community=${STREET}`, 'query.community'],
      ['a street in the path form', 'street=D01-S05', 'query.street'],
      ['an unknown kind', `street=${STREET}&bookable=everyone`, 'query.bookable'],
      ['a forged cursor', `street=${STREET}&cursor=abc`, 'query.cursor'],
      ['an unknown filter', `street=${STREET}&colour=red`, 'query.colour'],
    ];
    for (const [name, query, field] of cases) {
      const answer = await list(query, resident);
      expect({ name, status: answer.status, fields: fieldsOf(answer.body) }).toEqual({ name, status: 400, fields: expect.arrayContaining([field]) });
    }
    expect((await t.api('GET', `/premises/rooms?street=${STREET}`)).status).toBe(401);
    expect((await t.api('GET', '/premises/rooms/not-a-room', { token: resident })).status).toBe(400);
    expect(await t.count('premises')).toBe(before);
  });

  it('a room shows its site’s address as the register holds it now, after the site moved', async () => {
    const official = as.officialS04;
    const moved = await registeredSite(t, official, siteBody('D01/S04/C05', { address: '1 Old Road' }));
    const room = await addedRoom(t, official, moved, { name: 'Hall by the river' });
    const changed = await t.api('PATCH', `/premises/sites/${moved}`, { token: official, body: { version: 1, address: '2 New Road' } });

    const shown = await t.api('GET', `/premises/rooms/${room}`, { token: resident });
    const listed = await list('community=D01/S04/C05', resident);
    const booking = await book(t, resident, room, slotFromNow(5, 40), slotFromNow(5, 44));

    expect(changed.status).toBe(200);
    expect(shown.body.address).toBe('2 New Road');
    expect(listed.body.items[0].address).toBe('2 New Road');
    expect(booking.body.address).toBe('2 New Road');
  });
});
