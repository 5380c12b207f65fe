import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../../kernel/errors.ts';
import { causeAt, room } from '../testing.ts';
import { bookingView, bookRoom, cancelBooking, maySeeRoom, roomView, slotStarts, windowProblems } from './domain.ts';

const now = '2026-11-27T02:00:00.000Z';
const resident = causeAt(now, 'resident-1', ['resident'], 'D01/S03/C07');
const window = { startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00', purpose: 'Residents’ council', attendees: 12 };

describe('booking windows', () => {
  it('are on 15-minute boundaries, end after they start, and last at most 8 hours', () => {
    expect(windowProblems('2026-12-01T09:00:00Z', '2026-12-01T17:00:00Z')).toEqual([]);
    expect(windowProblems('2026-12-01T09:10:00Z', '2026-12-01T10:00:00Z')).toEqual([{ field: 'startsAt', message: expect.stringMatching(/15-minute/) }]);
    expect(windowProblems('2026-12-01T09:00:00Z', '2026-12-01T17:15:00Z')).toEqual([{ field: 'endsAt', message: expect.stringMatching(/8 hours/) }]);
    expect(windowProblems('2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z')).toEqual([{ field: 'endsAt', message: 'after startsAt' }]);
  });

  it('take one slot per quarter hour: 8 hours are 32 slots', () => {
    const slots = slotStarts('2026-12-01T09:00:00.000Z', '2026-12-01T17:00:00.000Z');
    expect(slots).toHaveLength(32);
    expect(slots[0]).toBe('2026-12-01T09:00:00.000Z');
    expect(slots[31]).toBe('2026-12-01T16:45:00.000Z');
  });
});

describe('booking a room', () => {
  it('a resident books a public room: times kept in UTC, two hours are 8 slots', () => {
    const change = bookRoom(room(), window, 'BOOKING-1', resident);
    expect(change.booking).toMatchObject({ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z', bookedBy: 'resident-1', status: 'booked' });
    expect(change.slots).toHaveLength(8);
    expect(change.events.map((e) => e.detailType)).toEqual(['BookingMade']);
  });

  it('a staff room is refused to residents and to staff of another street, not to the district', () => {
    const staffRoom = room({ bookable: 'staff' });
    expect(() => bookRoom(staffRoom, window, 'B', resident)).toThrow(ForbiddenError);
    expect(() => bookRoom(staffRoom, window, 'B', causeAt(now, 'o-s04', ['street-official'], 'D01/S04'))).toThrow(ForbiddenError);
    expect(bookRoom(staffRoom, window, 'B', causeAt(now, 'w-c07', ['community-worker'], 'D01/S03/C07')).booking.bookedBy).toBe('w-c07');
    expect(bookRoom(staffRoom, window, 'B', causeAt(now, 'dept', ['department'], 'D01')).booking.bookedBy).toBe('dept');
  });

  it('more attendees than seats, a start in the past or over a year ahead are 422', () => {
    expect(() => bookRoom(room({ capacity: 11 }), window, 'B', resident)).toThrow(UnprocessableError);
    expect(() => bookRoom(room(), { ...window, startsAt: '2026-11-27T01:45:00Z', endsAt: '2026-11-27T03:00:00Z' }, 'B', resident)).toThrow(UnprocessableError);
    expect(() => bookRoom(room(), { ...window, startsAt: '2027-12-01T09:00:00Z', endsAt: '2027-12-01T10:00:00Z' }, 'B', resident)).toThrow(UnprocessableError);
  });
});

describe('cancelling', () => {
  const booked = bookRoom(room(), window, 'BOOKING-1', resident).booking;

  it('the booker or the street’s official cancels, freeing every slot; others 403; twice 409', () => {
    const byBooker = cancelBooking(booked, resident);
    expect(byBooker.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'resident-1', version: 2 });
    expect(byBooker.slots).toHaveLength(8);
    expect(cancelBooking(booked, causeAt(now)).booking.cancelledBy).toBe('official-s03');
    expect(() => cancelBooking(booked, causeAt(now, 'resident-2', ['resident'], 'D01/S03/C07'))).toThrow(ForbiddenError);
    expect(() => cancelBooking(booked, causeAt(now, 'o-s04', ['street-official'], 'D01/S04'))).toThrow(ForbiddenError);
    expect(() => cancelBooking(byBooker.booking, resident)).toThrow(ConflictError);
  });

  it('a booking that is over cannot be cancelled', () => {
    expect(() => cancelBooking(booked, causeAt('2026-12-01T03:00:00.000Z', 'resident-1', ['resident']))).toThrow(ConflictError);
  });

  const busy = { view: 'busy', startsAt: booked.startsAt, endsAt: booked.endsAt };
  const { version: _version, ...inFull } = booked;

  it('residents see other people’s bookings as busy time only; the booker sees their own in full, without the store’s version', () => {
    expect(bookingView(booked, { sub: 'resident-2', roles: ['resident'], jurisdiction: 'D01/S03/C07' })).toEqual(busy);
    expect(bookingView(booked, { sub: 'resident-1', roles: ['resident'], jurisdiction: 'D01/S03/C07' })).toEqual({ view: 'full', ...inFull });
  });

  it('staff of another street or district and operators see it as busy time only; the street’s own staff and its district’s see it whole', () => {
    expect(bookingView(booked, { sub: 'o-s04', roles: ['street-official'], jurisdiction: 'D01/S04' })).toEqual(busy);
    expect(bookingView(booked, { sub: 'dept-d02', roles: ['department'], jurisdiction: 'D02' })).toEqual(busy);
    expect(bookingView(booked, { sub: 'no-place', roles: ['department'] })).toEqual(busy);
    expect(bookingView(booked, { sub: 'operator', roles: ['operator'], jurisdiction: 'D01' })).toEqual(busy);
    expect(bookingView(booked, { sub: 'o-s03', roles: ['street-official'], jurisdiction: booked.street })).toEqual({ view: 'full', ...inFull });
    expect(bookingView(booked, { sub: 'w-c01', roles: ['community-worker'], jurisdiction: 'D01/S03/C01' })).toMatchObject({ view: 'full', bookedBy: 'resident-1' });
    expect(bookingView(booked, { sub: 'dept-d01', roles: ['department'], jurisdiction: 'D01' })).toMatchObject({ view: 'full', purpose: booked.purpose });
  });
});

describe('who may see a room', () => {
  it('a public room everyone; a staff room only the staff of its street, a community of it and its district', () => {
    const staffRoom = room({ bookable: 'staff' });
    expect(maySeeRoom(room(), { roles: ['resident'], jurisdiction: 'D02/S01/C01' })).toBe(true);
    expect(maySeeRoom(room(), { roles: ['operator'], jurisdiction: 'D01' })).toBe(true);
    expect(maySeeRoom(staffRoom, { roles: ['resident'], jurisdiction: 'D01/S03/C07' })).toBe(false);
    expect(maySeeRoom(staffRoom, { roles: ['operator'], jurisdiction: 'D01' })).toBe(false);
    expect(maySeeRoom(staffRoom, { roles: ['street-official'], jurisdiction: 'D01/S04' })).toBe(false);
    expect(maySeeRoom(staffRoom, { roles: ['department'], jurisdiction: 'D02' })).toBe(false);
    expect(maySeeRoom(staffRoom, { roles: ['community-worker'], jurisdiction: 'D01/S03/C01' })).toBe(true);
    expect(maySeeRoom(staffRoom, { roles: ['street-official'], jurisdiction: 'D01/S03' })).toBe(true);
    expect(maySeeRoom(staffRoom, { roles: ['finance'], jurisdiction: 'D01' })).toBe(true);
  });

  it('a room shows where it is and what it offers, not who added it or its district key', () => {
    expect(roomView(room())).toEqual({
      id: '01JROOM0000000000000000001',
      siteId: '01JSITE0000000000000000001',
      community: 'D01/S03/C07',
      street: 'D01/S03',
      address: '1 Harmony Road',
      name: 'Deliberation room',
      capacity: 20,
      bookable: 'public',
    });
  });
});
