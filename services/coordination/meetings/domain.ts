import { UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { covers } from '../../../kernel/jurisdiction.ts';
import { DecisionFundingSettled, DecisionRecorded, FundingRequested, MeetingConvened, MeetingVenueSettled, VenueRequested } from '../../../contracts/coordination.ts';
import { keys } from '../keys.ts';

export interface Venue {
  status: 'requested' | 'booked' | 'unavailable';
  bookingId?: string;
  roomName?: string;
  address?: string;
  community?: string;
  reason?: string;
  settledAt?: string;
}

/** A joint meeting of departments, streets and zone committees, convened by the district's office. */
export interface Meeting {
  id: string;
  district: string;
  title: string;
  startsAt: string;
  endsAt: string;
  hostStreet: string;
  attendees: number;
  departments: string[];
  streets: string[];
  zoneCommittees: string[];
  agenda: string[];
  venue: Venue;
  convenedAt: string;
  convenedBy: string;
  version: number;
}

export interface Funding {
  status: 'requested' | 'allocated' | 'declined';
  amountFen: number;
  allocationId?: string;
  allocatedFen?: number;
  reason?: string;
  settledAt?: string;
}

/** A decision of a joint meeting: what, whose, by when, and the money asked for it. */
export interface Decision {
  id: string;
  meetingId: string;
  district: string;
  title: string;
  ownerDepartment: string;
  deadline: string;
  street?: string;
  purpose?: string;
  funding?: Funding;
  recordedAt: string;
  recordedBy: string;
  version: number;
}

export type MeetingRequest = Pick<Meeting, 'id' | 'title' | 'startsAt' | 'endsAt' | 'hostStreet' | 'departments' | 'streets' | 'zoneCommittees' | 'agenda'> & {
  district: string;
  attendees?: number;
};

/**
 * Escalated issues a meeting takes from the waiting list at most (the rest wait for the next one):
 * each costs three writes of the convening's one transaction (it leaves the list, joins the agenda,
 * and its escalation names the meeting), beside the meeting, its two events and the idempotency
 * record, within DynamoDB's 100.
 */
export const MAX_JOINING = 30;

/** An escalated issue on a meeting's agenda (or waiting for the next meeting): what the meeting needs to know of it. */
export interface AgendaIssue {
  issueId: string;
  street: string;
  escalatedAt: string;
  reason: string;
  departments: string[];
}

export interface MeetingChange {
  meeting: Meeting;
  previous?: Meeting;
  /** Escalated issues taken from the district's waiting list onto this agenda. */
  joined: AgendaIssue[];
  events: DomainEvent[];
}

/** A meeting is convened; the escalated issues waiting for one join its agenda. */
export function conveneMeeting(request: MeetingRequest, waiting: readonly AgendaIssue[], cause: Cause): MeetingChange {
  for (const street of [request.hostStreet, ...request.streets]) {
    if (!covers(request.district, street)) throw new UnprocessableError(`${street} is not a street of ${request.district}.`);
  }
  const { attendees, ...rest } = request;
  const meeting: Meeting = {
    ...rest,
    attendees: attendees ?? Math.max(1, request.departments.length + request.streets.length + request.zoneCommittees.length),
    venue: { status: 'requested' },
    convenedAt: cause.now,
    convenedBy: cause.actor.sub,
    version: 1,
  };
  const aggregate = keys.meeting(meeting.id).pk;
  return {
    meeting,
    joined: [...waiting],
    events: [
      newEvent(
        MeetingConvened,
        aggregate,
        {
          meetingId: meeting.id,
          district: meeting.district,
          title: meeting.title,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          departments: meeting.departments,
          streets: meeting.streets,
          zoneCommittees: meeting.zoneCommittees,
          agenda: meeting.agenda,
          escalatedIssues: waiting.map((w) => w.issueId),
        },
        cause,
      ),
      newEvent(
        VenueRequested,
        aggregate,
        {
          meetingId: meeting.id,
          title: meeting.title,
          preferredStreet: meeting.hostStreet,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          attendees: meeting.attendees,
        },
        cause,
      ),
    ],
  };
}

/**
 * A meeting as every answer shows it: the meeting, the escalated issues on its agenda (those it took
 * when convened and those escalated onto it later, by issue id) and its decisions.
 */
export function meetingView(meeting: Meeting, agenda: readonly AgendaIssue[], decisions: readonly Decision[]) {
  return { ...meeting, escalatedIssues: [...agenda].sort((a, b) => (a.issueId < b.issueId ? -1 : 1)), decisions: [...decisions] };
}

/** Premises' answer to the venue request; the first answer stands (a second one is ignored). */
export function settleVenue(meeting: Meeting, answer: Omit<Venue, 'status' | 'settledAt'> & { status: 'booked' | 'unavailable' }, cause: Cause): MeetingChange | { ignored: string } {
  if (meeting.venue.status !== 'requested') return { ignored: `meeting ${meeting.id}'s venue is already ${meeting.venue.status}` };
  const venue: Venue = { ...answer, settledAt: cause.now };
  const event = newEvent(
    MeetingVenueSettled,
    keys.meeting(meeting.id).pk,
    {
      meetingId: meeting.id,
      outcome: answer.status,
      ...(answer.roomName ? { roomName: answer.roomName } : {}),
      ...(answer.address ? { address: answer.address } : {}),
      ...(answer.reason ? { reason: answer.reason } : {}),
    },
    cause,
  );
  return { meeting: { ...meeting, venue, version: meeting.version + 1 }, previous: meeting, joined: [], events: [event] };
}

export type DecisionRequest = Pick<Decision, 'id' | 'title' | 'ownerDepartment' | 'deadline'> & { street?: string; purpose?: string; fundingFen?: number };

export interface DecisionChange {
  decision: Decision;
  previous?: Decision;
  events: DomainEvent[];
}

/** A decision of the meeting; with `fundingFen`, money is asked of funding for the street's communities. */
export function recordDecision(meeting: Meeting, request: DecisionRequest, cause: Cause): DecisionChange {
  const street = request.street ?? (request.fundingFen !== undefined ? meeting.hostStreet : undefined);
  if (street && !covers(meeting.district, street)) throw new UnprocessableError(`${street} is not a street of ${meeting.district}.`);
  const decision: Decision = {
    id: request.id,
    meetingId: meeting.id,
    district: meeting.district,
    title: request.title,
    ownerDepartment: request.ownerDepartment,
    deadline: request.deadline,
    ...(street ? { street } : {}),
    ...(request.purpose ? { purpose: request.purpose } : {}),
    ...(request.fundingFen !== undefined ? { funding: { status: 'requested' as const, amountFen: request.fundingFen } } : {}),
    recordedAt: cause.now,
    recordedBy: cause.actor.sub,
    version: 1,
  };
  const aggregate = keys.decision(decision.id).pk;
  const events: DomainEvent[] = [
    newEvent(
      DecisionRecorded,
      aggregate,
      {
        decisionId: decision.id,
        meetingId: meeting.id,
        district: meeting.district,
        title: decision.title,
        ownerDepartment: decision.ownerDepartment,
        deadline: decision.deadline,
        ...(street ? { street } : {}),
        ...(request.fundingFen !== undefined ? { fundingFen: request.fundingFen } : {}),
      },
      cause,
    ),
  ];
  if (request.fundingFen !== undefined) {
    events.push(
      newEvent(
        FundingRequested,
        aggregate,
        {
          decisionId: decision.id,
          meetingId: meeting.id,
          street: street!,
          ownerDepartment: decision.ownerDepartment,
          amountFen: request.fundingFen,
          purpose: request.purpose ?? decision.title,
        },
        cause,
      ),
    );
  }
  return { decision, events };
}

/** Funding's answer to the decision's request; the first answer stands. */
export function settleFunding(
  decision: Decision,
  answer: { status: 'allocated'; allocationId: string; amountFen: number } | { status: 'declined'; reason: string },
  cause: Cause,
): DecisionChange | { ignored: string } {
  if (!decision.funding) return { ignored: `decision ${decision.id} asked for no money` };
  if (decision.funding.status !== 'requested') return { ignored: `decision ${decision.id}'s funding is already ${decision.funding.status}` };
  const funding: Funding =
    answer.status === 'allocated'
      ? { ...decision.funding, status: 'allocated', allocationId: answer.allocationId, allocatedFen: answer.amountFen, settledAt: cause.now }
      : { ...decision.funding, status: 'declined', reason: answer.reason, settledAt: cause.now };
  const event = newEvent(
    DecisionFundingSettled,
    keys.decision(decision.id).pk,
    {
      decisionId: decision.id,
      meetingId: decision.meetingId,
      outcome: answer.status,
      amountFen: answer.status === 'allocated' ? answer.amountFen : decision.funding.amountFen,
      ...(answer.status === 'allocated' ? { allocationId: answer.allocationId } : { reason: answer.reason }),
    },
    cause,
  );
  return { decision: { ...decision, funding, version: decision.version + 1 }, previous: decision, events: [event] };
}
