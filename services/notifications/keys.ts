/**
 * Key builders of the notifications table: every key the service reads or writes is made here.
 *
 * A person is `USER#<sub>`: their profile (`PROFILE`: e-mail, name, roles, place, department,
 * language, preferences, calendar feed), their unread count (`UNREAD`), their notifications
 * (`NOTE#<id>`, the id sorting by time, so the inbox is one Query newest first) and their calendar
 * (`CAL#<uid>`: the meetings and bookings that concern them).
 *
 * The directory index: one `AUDIENCE#<role>` item per role a person holds, with gsi1 =
 * `AUDIENCE#<role>#<jurisdiction>[#<department>]`, so "the market-supervision department users of
 * D01" is one Query of gsi1 per level of the place (D01, D01/S03, D01/S03/C07: whoever's
 * jurisdiction covers it).
 *
 * Work waiting on a clock lives in gsi1 partitions sorted by when it is due: `REMINDERS` (reminders
 * not sent yet, by due time), `MAIL#PENDING` (e-mails not sent yet, by when they were queued),
 * `DIGEST#PENDING` (notifications a daily digest will carry, by recipient). An item leaves its
 * partition (its gsi1 attributes removed) in the conditional update that settles it, so a second
 * tick or a redelivery finds nothing left to do.
 */
export const keys = {
  profile: (sub: string) => ({ pk: `USER#${sub}`, sk: 'PROFILE' }),
  unread: (sub: string) => ({ pk: `USER#${sub}`, sk: 'UNREAD' }),
  user: (sub: string) => `USER#${sub}`,
  membership: (sub: string, role: string) => ({ pk: `USER#${sub}`, sk: `AUDIENCE#${role}` }),
  audience: (role: string, jurisdiction: string, department?: string) =>
    `AUDIENCE#${role}#${jurisdiction}${department ? `#${department}` : ''}`,

  note: (sub: string, id: string) => ({ pk: `USER#${sub}`, sk: `NOTE#${id}` }),
  notePrefix: 'NOTE#',
  pendingMail: 'MAIL#PENDING',
  pendingDigest: 'DIGEST#PENDING',

  calendarEntry: (sub: string, uid: string) => ({ pk: `USER#${sub}`, sk: `CAL#${uid}` }),
  calendarPrefix: 'CAL#',
  /** A calendar feed by the SHA-256 of its secret: the secret itself is never stored. */
  feed: (secretHash: string) => ({ pk: `FEED#${secretHash}`, sk: 'FEED' }),

  reminder: (id: string) => ({ pk: `REMINDER#${id}`, sk: 'STATE' }),
  dueReminders: 'REMINDERS',

  /** What the service remembers of other services' aggregates to address later events. */
  application: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'STATE' }),
  applicationsOfPosition: (positionId: string) => `APPLICATIONS#${positionId}`,
  position: (positionId: string) => ({ pk: `POSITION#${positionId}`, sk: 'STATE' }),
  meeting: (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'STATE' }),
  booking: (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: 'STATE' }),
  digestSent: (sub: string, date: string) => ({ pk: `USER#${sub}`, sk: `DIGEST#${date}` }),

  suppressed: (email: string) => ({ pk: `SUPPRESSED#${email.toLowerCase()}`, sk: 'SUPPRESSED' }),
};
