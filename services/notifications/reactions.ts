import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import type { Reaction, Reactions } from '../../kernel/consumer.ts';
import { queryRange } from '../../kernel/bulk-read.ts';
import type { Metadata } from '../../kernel/events.ts';
import type { Item, Store } from '../../kernel/store.ts';
import type { CalendarEvent } from './calendar.ts';
import { keys } from './keys.ts';
import type { Notifier } from './notifier.ts';
import { leadBefore, workingDaysBefore, type Reminders } from './reminders.ts';
import type { IssueRaised, MeetingConvened, MeetingVenueSettled } from '../../contracts/coordination.ts';
import type { consumers } from './consumers.ts';
import { officeTime } from './texts.ts';

const HOUR = 3_600_000;
/** A whistle's report-in reminder comes a third of the window before the deadline, at most an hour before. */
export const RESPONSE_REMINDER_CAP_MS = HOUR;
/** Its resolution reminder likewise, at most a day before. */
export const RESOLUTION_REMINDER_CAP_MS = 24 * HOUR;
/** Consents and decisions: 3 working days before. */
export const WORKING_DAYS_AHEAD = 3;

const done = (note: string): Reaction => ({ writes: [], events: [], note });
const yuan = (fen: number) => (fen / 100).toFixed(2);
const bookingUid = (id: string) => `booking-${id}@five-haves`;
const meetingUid = (id: string) => `meeting-${id}@five-haves`;

type Data<D extends { data: z.ZodMiniType }> = z.output<D['data']>;

/**
 * What each event tells whom (the events: consumers.ts). Every consumer is idempotent twice over: the inbox guard around it
 * (kernel/consumer.ts) absorbs a redelivery it already applied, and every note, reminder and record
 * it writes is keyed by the event and the recipient with a condition, so a copy that races the first
 * (or a retry after a failure half-way) writes nothing twice.
 */
export function notificationReactions(store: Store, notifier: Notifier, reminders: Reminders): Reactions<typeof consumers> {
  const whistleReminderId = (issueId: string, department: string, deadline: 'response' | 'resolution') => `whistle:${issueId}:${department}:${deadline}`;

  async function putOnce(item: Item): Promise<boolean> {
    try {
      await store.doc.send(new PutCommand({ TableName: store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async function merge(key: { pk: string; sk: string }, values: Record<string, unknown>): Promise<Record<string, unknown>> {
    const names = Object.keys(values);
    const out = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#n${i}`, n])),
        ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:v${i}`, values[n]])),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ?? {};
  }

  // ---- whistles
  async function whistleRaised(issue: Data<typeof IssueRaised>, { metadata }: { metadata: Metadata }, now: string) {
    let told = 0;
    for (const department of issue.departments) {
      const facts = {
        street: issue.street,
        department,
        description: issue.description,
        location: issue.location,
        responseDueBy: officeTime(issue.responseDueBy),
        resolutionDueBy: officeTime(issue.resolutionDueBy),
      };
      const audience = [{ role: 'department' as const, place: issue.street, department }];
      told += (await notifier.tell({ kind: 'whistle-raised', source: metadata.eventId, at: metadata.occurredAt, audience, facts }, now)).recipients;
      for (const [deadline, dueBy, cap] of [
        ['response', issue.responseDueBy, RESPONSE_REMINDER_CAP_MS],
        ['resolution', issue.resolutionDueBy, RESOLUTION_REMINDER_CAP_MS],
      ] as const) {
        await reminders.schedule({
          id: whistleReminderId(issue.issueId, department, deadline),
          dueAt: leadBefore(issue.raisedAt, dueBy, cap),
          notice: { kind: 'whistle-reminder', audience, facts: { street: issue.street, department, description: issue.description, deadline, dueBy: officeTime(dueBy) } },
        });
      }
    }
    return done(`told ${told} of ${issue.departments.length} departments; reminders set`);
  }

  // ---- applicants
  async function settlePosition(positionId: string, now: string): Promise<string> {
    const position = await store.get<Item & { hired: number; closedAt: string }>(keys.position(positionId));
    if (!position) return 'position not closed yet';
    const applications = await queryRange<Item & { applicationId: string; applicant: string; outcome: string; hired?: boolean }>(store, {
      index: 'gsi1',
      partition: keys.applicationsOfPosition(positionId),
      maxItems: 20_000,
    });
    // Every hire of the position must have arrived before anyone is told they were not selected.
    if (applications.filter((a) => a.hired).length < position.hired) return 'waiting for the position\'s hires';
    let told = 0;
    for (const application of applications) {
      if (application.hired || application.outcome !== 'eligible') continue;
      const result = await notifier.tell(
        { kind: 'application-not-selected', source: `not-selected:${application.applicationId}`, at: position.closedAt, audience: [{ sub: application.applicant }], facts: { positionId }, link: '/me/applications' },
        now,
      );
      told += result.recipients;
    }
    return `told ${told} not selected`;
  }

  return {
    IssueRaised: (issue, context) => whistleRaised(issue, context, context.cause.now),
    IssueAcknowledged: async (ack, { cause }) => {
      await reminders.cancel(whistleReminderId(ack.issueId, ack.department, 'response'), cause.now);
      return done('report-in reminder cancelled');
    },
    IssueResolved: async (resolved, { cause }) => {
      await reminders.cancel(whistleReminderId(resolved.issueId, resolved.department, 'response'), cause.now);
      await reminders.cancel(whistleReminderId(resolved.issueId, resolved.department, 'resolution'), cause.now);
      return done('reminders cancelled');
    },
    IssueEscalated: async (escalation, { metadata, cause }) => {
      let told = 0;
      for (const department of escalation.departments) {
        await reminders.cancel(whistleReminderId(escalation.issueId, department, escalation.reason === 'response-overdue' ? 'response' : 'resolution'), cause.now);
        const result = await notifier.tell(
          {
            kind: 'whistle-escalated',
            source: metadata.eventId,
            at: metadata.occurredAt,
            audience: [{ role: 'department', place: escalation.street, department }],
            facts: { street: escalation.street, department, reason: escalation.reason, dueBy: officeTime(escalation.dueBy), escalatedAt: officeTime(escalation.escalatedAt) },
          },
          cause.now,
        );
        told += result.recipients;
      }
      return done(`told ${told}`);
    },

    ConsentCaseOpened: async (opened, { metadata, cause }) => {
      const facts = { street: opened.street, department: opened.department, dueBy: officeTime(opened.dueBy) };
      const audience = [{ role: 'street-committee' as const, place: opened.street }];
      const result = await notifier.tell({ kind: 'consent-opened', source: metadata.eventId, at: metadata.occurredAt, audience, facts }, cause.now);
      const dueAt = workingDaysBefore(opened.dueBy, WORKING_DAYS_AHEAD);
      if (Date.parse(dueAt) > Date.parse(metadata.occurredAt)) {
        await reminders.schedule({ id: `consent:${opened.caseId}`, dueAt, notice: { kind: 'consent-reminder', audience, facts } });
      }
      return done(`told ${result.recipients}; reminder at ${dueAt}`);
    },
    ConsentRecorded: async (recorded, { cause }) => {
      await reminders.cancel(`consent:${recorded.caseId}`, cause.now);
      return done('consent reminder cancelled');
    },

    ApplicationSubmitted: async (application, { metadata, cause }) => {
      await putOnce({
        ...keys.application(application.applicationId),
        itemType: 'application',
        applicationId: application.applicationId,
        positionId: application.positionId,
        applicant: application.applicant,
        outcome: application.outcome,
        gsi1pk: keys.applicationsOfPosition(application.positionId),
        gsi1sk: application.applicationId,
      });
      const result = await notifier.tell(
        {
          kind: 'application-screened',
          source: metadata.eventId,
          at: metadata.occurredAt,
          audience: [{ sub: application.applicant }],
          facts: { positionId: application.positionId, outcome: application.outcome, failedRules: application.failedRules.join(', ') },
          link: '/me/applications',
        },
        cause.now,
      );
      return done(`told ${result.recipients}`);
    },
    StaffHired: async (hire, { metadata, cause }) => {
      const application = await store.get<Item & { applicant: string; positionId: string }>(keys.application(hire.applicationId));
      if (!application) {
        // Applied before this service kept applications: nobody to address.
        return done('application unknown; nobody told');
      }
      await merge(keys.application(hire.applicationId), { hired: true });
      const result = await notifier.tell(
        {
          kind: 'application-hired',
          source: metadata.eventId,
          at: metadata.occurredAt,
          audience: [{ sub: application.applicant }],
          facts: { positionTitle: hire.positionTitle, street: hire.street, rank: String(hire.rank) },
          link: '/me/applications',
        },
        cause.now,
      );
      return done(`told ${result.recipients}; ${await settlePosition(application.positionId, cause.now)}`);
    },
    PositionClosed: async (closed, { cause }) => {
      await putOnce({ ...keys.position(closed.positionId), itemType: 'position', positionId: closed.positionId, hired: closed.hired, closedAt: closed.closedAt });
      return done(await settlePosition(closed.positionId, cause.now));
    },

    BookingMade: async (booking, { metadata, cause }) => {
      await putOnce({ ...keys.booking(booking.bookingId), itemType: 'booking', bookingId: booking.bookingId, bookedBy: booking.bookedBy });
      // A room premises booked for a meeting is the meeting's invitation's business, not a person's.
      if (booking.meetingId) return done('a meeting\'s venue; the invitation tells its members');
      const calendar: CalendarEvent = { uid: bookingUid(booking.bookingId), title: `Booking ${booking.street}`, startsAt: booking.startsAt, endsAt: booking.endsAt, location: booking.street, status: 'CONFIRMED', sequence: 0 };
      const result = await notifier.tell(
        {
          kind: 'booking-made',
          source: metadata.eventId,
          at: metadata.occurredAt,
          audience: [{ sub: booking.bookedBy }],
          facts: { street: booking.street, startsAt: officeTime(booking.startsAt), endsAt: officeTime(booking.endsAt), attendees: String(booking.attendees) },
          link: `/rooms/${booking.roomId}`,
          calendar,
        },
        cause.now,
      );
      return done(`told ${result.recipients}`);
    },
    BookingCancelled: async (cancelled, { metadata, cause }) => {
      const booking = await store.get<Item & { bookedBy: string }>(keys.booking(cancelled.bookingId));
      // The booking's own event may not have arrived yet: then the one who cancelled is told.
      const booker = booking?.bookedBy ?? cancelled.cancelledBy;
      const calendar: CalendarEvent = { uid: bookingUid(cancelled.bookingId), title: `Booking ${cancelled.street}`, startsAt: cancelled.startsAt, endsAt: cancelled.endsAt, location: cancelled.street, status: 'CANCELLED', sequence: 1 };
      const result = await notifier.tell(
        {
          kind: 'booking-cancelled',
          source: metadata.eventId,
          at: metadata.occurredAt,
          audience: [{ sub: booker }],
          facts: { street: cancelled.street, startsAt: officeTime(cancelled.startsAt), endsAt: officeTime(cancelled.endsAt) },
          link: `/rooms/${cancelled.roomId}`,
          calendar,
        },
        cause.now,
      );
      return done(`told ${result.recipients}`);
    },

    MeetingConvened: async (meeting, { metadata, cause }) => {
      const state = await merge(keys.meeting(meeting.meetingId), { itemType: 'meeting', convened: { ...meeting, at: metadata.occurredAt } });
      return done(await invite(state, cause.now));
    },
    MeetingVenueSettled: async (venue, { cause }) => {
      const state = await merge(keys.meeting(venue.meetingId), { itemType: 'meeting', venue });
      return done(await invite(state, cause.now));
    },

    FundingRequestOpened: async (request, { metadata, cause }) => {
      const result = await notifier.tell(
        {
          kind: 'funding-request-opened',
          source: metadata.eventId,
          at: metadata.occurredAt,
          audience: [{ role: 'finance', place: request.community ?? request.street }],
          facts: { street: request.street, amount: yuan(request.amountFen), purpose: request.purpose },
        },
        cause.now,
      );
      return done(`told ${result.recipients}`);
    },
    DecisionRecorded: async (decision, { metadata }) => {
      const dueAt = workingDaysBefore(`${decision.deadline}T12:00:00+08:00`, WORKING_DAYS_AHEAD);
      if (Date.parse(dueAt) <= Date.parse(metadata.occurredAt)) return done('deadline too near for a reminder');
      await reminders.schedule({
        id: `decision:${decision.decisionId}`,
        dueAt,
        notice: {
          kind: 'decision-reminder',
          audience: [{ role: 'department', place: decision.district, department: decision.ownerDepartment }],
          facts: { title: decision.title, ownerDepartment: decision.ownerDepartment, deadline: decision.deadline },
        },
      });
      return done(`reminder at ${dueAt}`);
    },
  };

  /** A meeting's invitation goes out once both its convening and its venue are known, in whichever order they came. */
  async function invite(state: Record<string, unknown>, now: string): Promise<string> {
    const meeting = state.convened as (Data<typeof MeetingConvened> & { at: string }) | undefined;
    const venue = state.venue as Data<typeof MeetingVenueSettled> | undefined;
    if (!meeting || !venue) return 'waiting for the meeting and its venue';
    const place = venue.outcome === 'booked' ? [venue.roomName, venue.address].filter(Boolean).join(', ') : '';
    const calendar: CalendarEvent = { uid: meetingUid(meeting.meetingId), title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, ...(place ? { location: place } : {}), description: meeting.agenda.join('\n'), status: 'CONFIRMED', sequence: 0 };
    const result = await notifier.tell(
      {
        kind: 'meeting-convened',
        source: `meeting:${meeting.meetingId}:invitation`,
        at: meeting.at,
        audience: [
          ...meeting.departments.map((department) => ({ role: 'department' as const, place: meeting.district, department })),
          ...meeting.streets.map((street) => ({ role: 'street-official' as const, place: street })),
        ],
        facts: { title: meeting.title, startsAt: officeTime(meeting.startsAt), endsAt: officeTime(meeting.endsAt), venue: place || '—' },
        calendar,
      },
      now,
    );
    return `invited ${result.recipients}`;
  }
}
