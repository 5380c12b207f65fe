import { ulid } from 'ulid';
import type { Reaction } from '../../../kernel/consumer.ts';
import type { Cause } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { bookRoom } from '../rooms/domain.ts';
import type { RoomStore } from '../rooms/store.ts';
import { candidateRooms, venueBooked, venueUnavailable, venueWindow, type VenueRequest } from './domain.ts';

/**
 * Answers a VenueRequested: books the first suitable free room, or says why there is none. Whether a
 * room is free is read only to choose one; the booking's slot items still decide. If another booking
 * takes the room between the read and the commit, the commit fails, the queue redelivers, and the
 * next attempt chooses again (the inbox guard makes sure only one attempt ever commits).
 */
export class VenueFinder {
  constructor(private readonly rooms: RoomStore) {}

  async answer(request: VenueRequest, cause: Cause): Promise<Reaction> {
    const window = venueWindow(request, cause.now);
    if ('unavailable' in window) return this.unavailable(request, window.unavailable, cause);

    const district = districtOf(request.preferredStreet);
    const fitting = candidateRooms(await this.rooms.roomsOf(district), request);
    if (fitting.length === 0) {
      return this.unavailable(request, `no room in ${district} seats ${request.attendees}`, cause);
    }
    for (const room of fitting) {
      if (!(await this.rooms.isFree(room.id, window.startsAt, window.endsAt))) continue;
      // VenueBooked tells the meeting where to go: the site's address as the register holds it now.
      const [located] = await this.rooms.located([room]);
      const change = bookRoom(
        located!,
        { ...window, purpose: `Joint meeting: ${request.title}`, attendees: request.attendees, meetingId: request.meetingId },
        ulid(),
        cause,
      );
      return {
        ...this.rooms.bookingCommit({ ...change, events: [...change.events, venueBooked(request.meetingId, change.booking, cause)] }),
        note: `venue for meeting ${request.meetingId}: ${room.name} (${room.id})`,
      };
    }
    return this.unavailable(
      request,
      `every room in ${district} that seats ${request.attendees} is booked between ${window.startsAt} and ${window.endsAt}`,
      cause,
    );
  }

  private unavailable(request: VenueRequest, reason: string, cause: Cause): Reaction {
    return { writes: [], events: [venueUnavailable(request.meetingId, reason, cause)], note: `no venue for meeting ${request.meetingId}: ${reason}` };
  }
}
