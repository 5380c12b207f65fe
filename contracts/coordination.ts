import * as z from 'zod/mini';
import { defineEvent } from '../kernel/events.ts';
import { DepartmentSchema } from '../kernel/roles.ts';
import { CommunitySchema, StreetSchema } from '../kernel/jurisdiction.ts';

const source = 'five-haves.coordination';

/** Money: a whole, positive number of fen (1 yuan = 100 fen), never a float. */
const Fen = z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER));

/**
 * A joint meeting needs a room: premises books the first suitable one (`VenueBooked`) or says why it
 * cannot (`VenueUnavailable`), both carrying `meetingId` back.
 */
export const VenueRequested = defineEvent({
  source,
  detailType: 'VenueRequested',
  schemaVersion: 1,
  data: () => z.object({
    meetingId: z.string().check(z.minLength(1)),
    title: z.string(),
    /** The street whose rooms are preferred; premises may fall back to other streets of its district. */
    preferredStreet: StreetSchema,
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    attendees: z.number().check(z.int(), z.positive()),
  }),
});

/**
 * A joint-meeting decision that needs money: funding opens a request that finance decides, answered
 * with `FundsAllocated` or `FundingDeclined` carrying `request.ref` = `decisionId`.
 */
export const FundingRequested = defineEvent({
  source,
  detailType: 'FundingRequested',
  schemaVersion: 1,
  data: () => z.object({
    decisionId: z.string().check(z.minLength(1)),
    meetingId: z.string().check(z.minLength(1)),
    /** The street whose communities the money is for (its pools are drawn on). */
    street: StreetSchema,
    ownerDepartment: DepartmentSchema,
    amountFen: Fen,
    purpose: z.string(),
  }),
});

// The coordination service's own events: whistles (issues), joint meetings and their decisions, the
// work-item access list. The scorecard consumes several of them back from the bus, like anyone else's.

export const IssueCategory = z.enum(['community-construction', 'production-safety', 'property-management', 'other']);
export const IssueUrgency = z.enum(['emergency', 'utility', 'general', 'complex']);

const issueFacts = {
  issueId: z.string().check(z.minLength(1)),
  street: StreetSchema,
  category: IssueCategory,
  urgency: IssueUrgency,
  propertyCompanyId: z.optional(z.string()),
};

/** A street "whistles": the named departments must report in and resolve within the deadlines. */
export const IssueRaised = defineEvent({
  source,
  detailType: 'IssueRaised',
  schemaVersion: 1,
  data: () => z.object({
    ...issueFacts,
    community: z.optional(CommunitySchema),
    departments: z.array(DepartmentSchema).check(z.minLength(1)),
    description: z.string(),
    location: z.string(),
    raisedAt: z.iso.datetime(),
    responseDueBy: z.iso.datetime(),
    resolutionDueBy: z.iso.datetime(),
  }),
});

/** A named department reported in; `late` when after the response deadline. */
export const IssueAcknowledged = defineEvent({
  source,
  detailType: 'IssueAcknowledged',
  schemaVersion: 1,
  data: () => z.object({
    ...issueFacts,
    department: DepartmentSchema,
    acknowledgedAt: z.iso.datetime(),
    late: z.boolean(),
  }),
});

/**
 * A named department resolved its part; `late` when after the resolution deadline. The last of the
 * departments closes the issue: `issueClosed`, and `issueOnTime` when every department reported in
 * and resolved within the deadlines.
 */
export const IssueResolved = defineEvent({
  source,
  detailType: 'IssueResolved',
  schemaVersion: 1,
  data: () => z.object({
    ...issueFacts,
    department: DepartmentSchema,
    note: z.string(),
    resolvedAt: z.iso.datetime(),
    late: z.boolean(),
    issueClosed: z.boolean(),
    issueOnTime: z.boolean(),
  }),
});

/** The raising street's satisfaction with one department's handling, 1 to 5; once per department. */
export const IssueRated = defineEvent({
  source,
  detailType: 'IssueRated',
  schemaVersion: 1,
  data: () => z.object({
    ...issueFacts,
    department: DepartmentSchema,
    score: z.number().check(z.int(), z.gte(1), z.lte(5)),
    /** The street's words with its rating, if it gave any. */
    comment: z.optional(z.string()),
    ratedAt: z.iso.datetime(),
  }),
});

/** A deadline passed without the department's answer: the issue goes onto the next joint meeting (once). */
export const IssueEscalated = defineEvent({
  source,
  detailType: 'IssueEscalated',
  schemaVersion: 1,
  data: () => z.object({
    ...issueFacts,
    reason: z.enum(['response-overdue', 'resolution-overdue']),
    /** The departments that had not answered in time. */
    departments: z.array(DepartmentSchema).check(z.minLength(1)),
    dueBy: z.iso.datetime(),
    escalatedAt: z.iso.datetime(),
    /** The meeting whose agenda it joined, if one was already convened; else it waits for the next. */
    meetingId: z.optional(z.string()),
  }),
});

/** A joint meeting convened by the district's joint-meeting office (its venue is asked of premises). */
export const MeetingConvened = defineEvent({
  source,
  detailType: 'MeetingConvened',
  schemaVersion: 1,
  data: () => z.object({
    meetingId: z.string().check(z.minLength(1)),
    district: z.string(),
    title: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    departments: z.array(DepartmentSchema),
    streets: z.array(StreetSchema),
    zoneCommittees: z.array(z.string()),
    agenda: z.array(z.string()),
    /** The escalated issues that were waiting for a meeting and joined its agenda; each one's escalation names this meeting from now on. */
    escalatedIssues: z.array(z.string()),
  }),
});

/** Premises answered the venue request: the meeting's room, or why there is none. */
export const MeetingVenueSettled = defineEvent({
  source,
  detailType: 'MeetingVenueSettled',
  schemaVersion: 1,
  data: () => z.object({
    meetingId: z.string().check(z.minLength(1)),
    outcome: z.enum(['booked', 'unavailable']),
    roomName: z.optional(z.string()),
    address: z.optional(z.string()),
    reason: z.optional(z.string()),
  }),
});

/** A joint-meeting decision: what, who owns it, by when; with money asked of funding when `fundingFen`. */
export const DecisionRecorded = defineEvent({
  source,
  detailType: 'DecisionRecorded',
  schemaVersion: 1,
  data: () => z.object({
    decisionId: z.string().check(z.minLength(1)),
    meetingId: z.string().check(z.minLength(1)),
    district: z.string(),
    title: z.string(),
    ownerDepartment: DepartmentSchema,
    deadline: z.iso.date(),
    street: z.optional(StreetSchema),
    fundingFen: z.optional(Fen),
  }),
});

/** Funding answered a decision's request for money. */
export const DecisionFundingSettled = defineEvent({
  source,
  detailType: 'DecisionFundingSettled',
  schemaVersion: 1,
  data: () => z.object({
    decisionId: z.string().check(z.minLength(1)),
    meetingId: z.string().check(z.minLength(1)),
    outcome: z.enum(['allocated', 'declined']),
    amountFen: z.number().check(z.int(), z.nonnegative()),
    allocationId: z.optional(z.string()),
    reason: z.optional(z.string()),
  }),
});

/** A work item approved onto the district's access list, by a joint-meeting decision. */
export const AccessListItemApproved = defineEvent({
  source,
  detailType: 'AccessListItemApproved',
  schemaVersion: 1,
  data: () => z.object({
    district: z.string(),
    code: z.string(),
    title: z.string(),
    departments: z.array(DepartmentSchema),
    decisionId: z.string().check(z.minLength(1)),
  }),
});

const workItemFacts = {
  workItemId: z.string().check(z.minLength(1)),
  department: DepartmentSchema,
  community: CommunitySchema,
  street: StreetSchema,
  code: z.string(),
  title: z.string(),
};

/** A department's work item reached a community: it is on the access list. */
export const WorkItemAccepted = defineEvent({
  source,
  detailType: 'WorkItemAccepted',
  schemaVersion: 1,
  data: () => z.object({ ...workItemFacts, dueOn: z.optional(z.iso.date()), acceptedAt: z.iso.datetime() }),
});

/** A department tried to push a work item that is not on the access list; it reached no community. */
export const WorkItemBlocked = defineEvent({
  source,
  detailType: 'WorkItemBlocked',
  schemaVersion: 1,
  data: () => z.object({
    ...workItemFacts,
    reason: z.enum(['not-on-access-list', 'not-for-this-department']),
    blockedAt: z.iso.datetime(),
  }),
});

/** A property-management company registered by a street office, with the communities it serves. */
export const PropertyCompanyRegistered = defineEvent({
  source,
  detailType: 'PropertyCompanyRegistered',
  schemaVersion: 1,
  data: () => z.object({
    companyId: z.string().check(z.minLength(1)),
    name: z.string(),
    street: StreetSchema,
    communities: z.array(CommunitySchema),
  }),
});
