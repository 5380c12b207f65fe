/**
 * Key builders of the premises table: every key the service reads or writes is made here.
 *
 * A community's premises (its households and every site) are one item, `COMMUNITY#<community>`: a
 * site change and the re-assessment it causes are one conditional write on it, so two concurrent
 * edits can never both assess a stale picture. `SITE#<id>` only says which community a site is in.
 *
 * Bookings cannot overlap because of the slot items: a booking writes one item per 15-minute slot
 * it covers, `ROOM#<room>` / `SLOT#<start>`, each with attribute_not_exists, in the transaction that
 * writes the booking. Two bookings that share a slot cannot both commit. Cancelling deletes the slots
 * in the transaction that marks the booking cancelled. The slots are also the room's calendar: a
 * window's bookings are a Query of its slots.
 */
export const keys = {
  standard: (district: string) => ({ pk: `STANDARD#${district}`, sk: 'STATE' }),

  community: (community: string) => ({ pk: `COMMUNITY#${community}`, sk: 'STATE' }),
  /** gsi1 of the community item: its compliance status in the district, sorted by community. */
  complianceOfDistrict: (district: string, status: string) => `COMPLIANCE#${district}#${status}`,
  site: (siteId: string) => ({ pk: `SITE#${siteId}`, sk: 'STATE' }),

  remediation: (id: string) => ({ pk: `REMEDIATION#${id}`, sk: 'STATE' }),
  remediationsOfCommunity: (community: string) => `REMEDIATIONS#${community}`,

  room: (roomId: string) => ({ pk: `ROOM#${roomId}`, sk: 'STATE' }),
  /** gsi1 of the room item: the district's rooms, sorted by community, site, room. */
  roomsOfDistrict: (district: string) => `ROOMS#${district}`,
  roomPlace: (community: string, siteId: string, roomId: string) => `${community}#${siteId}#${roomId}`,
  roomsOfSite: (community: string, siteId: string) => `${community}#${siteId}#`,
  roomsOfCommunity: (community: string) => `${community}#`,
  roomsOfStreet: (street: string) => `${street}/`,
  slot: (roomId: string, startsAt: string) => ({ pk: `ROOM#${roomId}`, sk: `SLOT#${startsAt}` }),
  slotsOfRoom: (roomId: string) => `ROOM#${roomId}`,
  slotKey: (startsAt: string) => `SLOT#${startsAt}`,

  booking: (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: 'STATE' }),
  meeting: (meetingId: string) => `MEETING#${meetingId}`,
};
