import { describe, expect, it } from 'vitest';
import { room } from '../testing.ts';
import { candidateRooms, venueWindow, type VenueRequest } from './domain.ts';

const now = '2026-11-27T02:00:00.000Z';
const request = (overrides: Partial<VenueRequest> = {}): VenueRequest => ({
  meetingId: 'M-1',
  title: 'Joint meeting on market stalls',
  preferredStreet: 'D01/S03',
  startsAt: '2026-12-01T01:10:00.000Z',
  endsAt: '2026-12-01T02:50:00.000Z',
  attendees: 15,
  ...overrides,
});

describe('a venue for a joint meeting', () => {
  it('takes the enclosing 15-minute slots of the meeting', () => {
    expect(venueWindow(request(), now)).toEqual({ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z' });
  });

  it('cannot be booked for a meeting in the past or longer than 8 hours', () => {
    expect(venueWindow(request({ startsAt: '2026-11-26T01:00:00.000Z' }), now)).toHaveProperty('unavailable');
    expect(venueWindow(request({ endsAt: '2026-12-01T09:15:00.000Z' }), now)).toEqual({ unavailable: expect.stringMatching(/8 hours/) });
  });

  it('tries the preferred street’s rooms first, the smallest that seats everyone first', () => {
    const rooms = [
      room({ id: 'S04-SMALL', street: 'D01/S04', community: 'D01/S04/C01', capacity: 15 }),
      room({ id: 'S03-BIG', capacity: 80 }),
      room({ id: 'S03-TINY', capacity: 10 }),
      room({ id: 'S03-MID', capacity: 20 }),
    ];
    expect(candidateRooms(rooms, request()).map((r) => r.id)).toEqual(['S03-MID', 'S03-BIG', 'S04-SMALL']);
  });
});
