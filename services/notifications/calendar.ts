import { createEvents, type EventAttributes } from 'ics';

/** A meeting or a booking as it stands in someone's calendar. */
export interface CalendarEvent {
  /** Stable across its versions: `meeting-<id>@five-haves`, `booking-<id>@five-haves`. */
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location?: string;
  description?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Grows with each version: a cancellation replaces the booking it cancels. */
  sequence: number;
}

const PRODUCT_ID = '-//Five Haves//Notifications//ZH';

/**
 * An iCalendar file (RFC 5545) of these events, in UTC: `REQUEST` for an invitation, `CANCEL` for a
 * cancellation, `PUBLISH` for a feed. Made by the `ics` library, which folds and escapes the lines.
 */
export function calendarFile(events: readonly CalendarEvent[], method: 'REQUEST' | 'CANCEL' | 'PUBLISH', calName?: string): string {
  if (events.length === 0) {
    // `ics` refuses an empty list; an empty feed is still a calendar.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', `PRODID:${PRODUCT_ID}`, `METHOD:${method}`, ...(calName ? [`X-WR-CALNAME:${calName}`] : []), 'END:VCALENDAR', ''].join('\r\n');
  }
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: event.uid,
    title: event.title,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.status,
    sequence: event.sequence,
    ...(event.location ? { location: event.location } : {}),
    ...(event.description ? { description: event.description } : {}),
  }));
  const { error, value } = createEvents(attributes, { productId: PRODUCT_ID, method, ...(calName ? { calName } : {}) });
  if (error || !value) throw error ?? new Error('no calendar made');
  return value;
}
