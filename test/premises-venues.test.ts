import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { premises } from '../services/premises/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { publishedWhere } from './support/authority.ts';
import { drained } from './support/saga.ts';
import { addedRoom, dataOf, metadataOf, premisesTokens, registeredSite, requestVenue, siteBody, slotFromNow, type PremisesTokens } from './support/premises.ts';

/**
 * VenueRequested from coordination, answered with VenueBooked or VenueUnavailable. The bus delivers
 * every event twice here, so each answer below is also a redelivery absorbed.
 */
let t: TestCloud;
let as: PremisesTokens;
let rooms: { s03Small: string; s03Hall: string; s04Room: string };

beforeAll(async () => {
  t = await startTestCloud({ services: [premises], deliveryCopies: 2 });
  as = await premisesTokens(t);
  const s03 = await registeredSite(t, as.officialS03, siteBody('D01/S03/C07'));
  const s04 = await registeredSite(t, as.officialS04, siteBody('D01/S04/C01'));
  rooms = {
    s03Small: await addedRoom(t, as.officialS03, s03, { name: 'Small meeting room', capacity: 12, bookable: 'staff' }),
    s03Hall: await addedRoom(t, as.officialS03, s03, { name: 'Community hall', capacity: 60 }),
    s04Room: await addedRoom(t, as.officialS04, s04, { name: 'S04 meeting room', capacity: 30 }),
  };
});
afterAll(() => t?.stop());

const meeting = (meetingId: string, overrides: Partial<Parameters<typeof requestVenue>[1]> = {}) => ({
  meetingId,
  title: 'Joint meeting on the night market',
  preferredStreet: 'D01/S03',
  startsAt: slotFromNow(2, 36).toISOString(),
  endsAt: slotFromNow(2, 44).toISOString(),
  attendees: 25,
  ...overrides,
});
const bookingsOf = async (roomId: string) =>
  (await t.api('GET', `/premises/rooms/${roomId}/bookings?from=${slotFromNow(2).toISOString()}&to=${slotFromNow(3).toISOString()}`, { token: as.officialS03 }))
    .body.items as Array<{ id: string; meetingId?: string }>;
const answersTo = (meetingId: string) =>
  t.published.filter((e) => ['VenueBooked', 'VenueUnavailable'].includes(e['detail-type']) && dataOf(e).meetingId === meetingId);

describe('a venue for a joint meeting', () => {
  it('books the first room of the preferred street that seats everyone: VenueBooked with the meeting id and the request’s correlation id', async () => {
    const request = await requestVenue(t, meeting('MEETING-1'));

    const booked = await publishedWhere(t, 'VenueBooked', (d) => d.meetingId === 'MEETING-1');

    expect(dataOf(booked)).toMatchObject({ meetingId: 'MEETING-1', roomId: rooms.s03Hall, roomName: 'Community hall', street: 'D01/S03', community: 'D01/S03/C07' });
    expect(metadataOf(booked)).toMatchObject({ correlationId: request.correlationId, causationId: request.eventId });
  });

  it('a redelivered VenueRequested books one room, not two, and is answered once', async () => {
    await requestVenue(t, meeting('MEETING-2', { attendees: 10 }));
    await publishedWhere(t, 'VenueBooked', (d) => d.meetingId === 'MEETING-2');
    await drained(t);

    const forMeeting = [...(await bookingsOf(rooms.s03Small)), ...(await bookingsOf(rooms.s03Hall)), ...(await bookingsOf(rooms.s04Room))].filter(
      (b) => b.meetingId === 'MEETING-2',
    );
    expect(forMeeting).toHaveLength(1);
    expect(answersTo('MEETING-2')).toHaveLength(1);
  });

  it('when the preferred street’s rooms are taken it falls back to another street of the district, then says why not', async () => {
    // MEETING-1 holds the S03 hall at this time; MEETING-3 gets S04's room; MEETING-4 nothing.
    await requestVenue(t, meeting('MEETING-3'));
    const fallback = await publishedWhere(t, 'VenueBooked', (d) => d.meetingId === 'MEETING-3');
    await requestVenue(t, meeting('MEETING-4'));
    const none = await publishedWhere(t, 'VenueUnavailable', (d) => d.meetingId === 'MEETING-4');

    expect(dataOf(fallback)).toMatchObject({ roomId: rooms.s04Room, street: 'D01/S04' });
    expect(dataOf(none).reason).toMatch(/every room in D01 that seats 25 is booked/);
  });

  it('no room large enough, or a meeting in the past, is VenueUnavailable with the reason', async () => {
    await requestVenue(t, meeting('MEETING-5', { attendees: 500 }));
    await requestVenue(t, meeting('MEETING-6', { startsAt: slotFromNow(-1, 36).toISOString(), endsAt: slotFromNow(-1, 40).toISOString() }));

    expect(dataOf(await publishedWhere(t, 'VenueUnavailable', (d) => d.meetingId === 'MEETING-5')).reason).toBe('no room in D01 seats 500');
    expect(dataOf(await publishedWhere(t, 'VenueUnavailable', (d) => d.meetingId === 'MEETING-6')).reason).toMatch(/in the past/);
    await drained(t);
    expect(answersTo('MEETING-5')).toHaveLength(1);
    expect(await t.cloud.bus.deadLetters()).toEqual([]);
  });
});
