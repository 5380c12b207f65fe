import * as z from 'zod/mini';
import { CommunitySchema, DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Instant, Revision, Sub } from '../vocabulary.ts';
import { MAX_JOINING } from './domain.ts';

const Members = z.strictObject({
  departments: z._default(z.array(DepartmentSchema).check(z.maxLength(50)), []),
  streets: z._default(z.array(StreetSchema).check(z.maxLength(100)), []),
  /** Management committees of development or high-tech zones. */
  zoneCommittees: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.maxLength(20)), []),
});

const Fen = z.number().check(z.int(), z.positive(), z.meta({ description: 'Integer fen (1 yuan = 100 fen).' }));

/** The money a decision asked of funding, and funding's answer. */
const DecisionFunding = z
  .object({
    status: z.enum(['requested', 'allocated', 'declined']),
    amountFen: Fen.check(z.meta({ description: 'What the decision asked for, in integer fen.' })),
    allocationId: z.optional(z.string()).check(z.meta({ description: 'Funding’s allocation, once allocated.' })),
    allocatedFen: z.optional(Fen),
    reason: z.optional(z.string()).check(z.meta({ description: 'Why funding declined.' })),
    settledAt: z.optional(Instant),
  })
  .check(z.meta({ title: 'DecisionFunding' }));

/** A decision of a joint meeting. */
export const DecisionView = z
  .object({
    id: Ulid,
    meetingId: Ulid,
    district: DistrictSchema,
    title: z.string(),
    ownerDepartment: DepartmentSchema,
    deadline: z.iso.date(),
    street: z.optional(StreetSchema).check(z.meta({ description: 'The street it concerns; with money, the street the money is for.' })),
    purpose: z.optional(z.string()),
    funding: z.optional(DecisionFunding),
    recordedAt: Instant,
    recordedBy: Sub,
    version: Revision,
  })
  .check(z.meta({ title: 'Decision' }));

/** An escalated issue on a meeting's agenda. */
const AgendaIssue = z
  .object({
    issueId: Ulid,
    street: StreetSchema,
    escalatedAt: Instant,
    reason: z.enum(['response-overdue', 'resolution-overdue']),
    departments: z.array(DepartmentSchema).check(z.meta({ description: 'The departments that had not answered in time.' })),
  })
  .check(z.meta({ title: 'AgendaIssue' }));

/** Where the meeting takes place: premises' answer to the venue request. */
const Venue = z
  .object({
    status: z.enum(['requested', 'booked', 'unavailable']),
    bookingId: z.optional(z.string()),
    roomName: z.optional(z.string()),
    address: z.optional(z.string()),
    community: z.optional(CommunitySchema),
    reason: z.optional(z.string()).check(z.meta({ description: 'Why no room could be booked.' })),
    settledAt: z.optional(Instant),
  })
  .check(z.meta({ title: 'Venue' }));

/** A joint meeting, the same in every answer. */
const MeetingView = z
  .object({
    id: Ulid,
    district: DistrictSchema,
    title: z.string(),
    startsAt: Instant,
    endsAt: Instant,
    hostStreet: StreetSchema,
    attendees: z.number().check(z.int(), z.positive()),
    departments: z.array(DepartmentSchema),
    streets: z.array(StreetSchema),
    zoneCommittees: z.array(z.string()),
    agenda: z.array(z.string()),
    venue: Venue,
    convenedAt: Instant,
    convenedBy: Sub,
    version: Revision,
    escalatedIssues: z.array(AgendaIssue).check(
      z.meta({
        description:
          'The escalated issues on its agenda, by issue id: those that were waiting when it was convened, and those escalated onto it later.',
      }),
    ),
    decisions: z.array(DecisionView).check(z.meta({ description: 'Its decisions, first recorded first.' })),
  })
  .check(z.meta({ title: 'Meeting' }));

/** A meeting as a list shows it: when, where, who hosts it; its agenda and decisions are on the meeting itself. */
const MeetingSummary = z
  .object({
    id: Ulid,
    district: DistrictSchema,
    title: z.string(),
    startsAt: Instant,
    endsAt: Instant,
    hostStreet: StreetSchema,
    attendees: z.number().check(z.int(), z.positive()),
    venue: Venue,
    convenedAt: Instant,
  })
  .check(z.meta({ title: 'MeetingSummary' }));

/** Joint meetings of departments, streets and zone committees, and their decisions. */
export const meetingRoutes = defineRoutes({
  conveneMeeting: {
    method: 'POST',
    path: '/coordination/meetings',
    summary: 'Convene a joint meeting',
    description:
      'The district’s joint-meeting office convenes departments, streets and zone committees for a time window with an agenda. ' +
      'A venue is asked of premises (`VenueRequested`; the host street’s rooms first), and the meeting shows `venue.status` ' +
      `\`requested\` until premises answers. Escalated issues waiting for a meeting (up to ${MAX_JOINING}, oldest first) join its agenda, ` +
      'and each one’s `escalation.meetingId` names it from then on; meetings convened at the same time share the waiting issues, ' +
      'each issue joining exactly one of them.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    body: z
      .strictObject({
        title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        /** The street whose rooms premises tries first. */
        hostStreet: StreetSchema,
        members: Members,
        agenda: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))).check(z.maxLength(50)), []),
        attendees: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500))),
      })
      .check(
        z.refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'must be after startsAt' }),
        z.refine((m) => m.members.departments.length + m.members.streets.length + m.members.zoneCommittees.length > 0, {
          path: ['members'],
          message: 'name at least one member',
        }),
      ),
    status: 201,
    idempotent: true,
    response: MeetingView,
  },
  listMeetings: {
    method: 'GET',
    path: '/coordination/meetings',
    summary: "List a district's joint meetings",
    description:
      "The joint meetings of a district (default the caller's), latest start first, each with its time, host street and venue; paged from an index (no scan). " +
      'Its agenda, escalated issues and decisions: `GET /coordination/meetings/{id}`.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, { district: z.optional(DistrictSchema) }),
    status: 200,
    response: pageOf(MeetingSummary),
  },
  getMeeting: {
    method: 'GET',
    path: '/coordination/meetings/{id}',
    summary: 'Read a joint meeting',
    description: 'A meeting of the caller’s district: its venue, the escalated issues on its agenda, and its decisions with their money.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: MeetingView,
  },
  recordDecision: {
    method: 'POST',
    path: '/coordination/meetings/{id}/decisions',
    summary: 'Record a decision of a joint meeting',
    description:
      'A decision with the department that owns it and its deadline (`DecisionRecorded`). With `fundingFen`, money is asked of ' +
      'funding for the street (default the meeting’s host street; `FundingRequested`), and `funding.status` is `requested` until ' +
      'finance allocates or declines it.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
      ownerDepartment: DepartmentSchema,
      deadline: z.iso.date(),
      /** The street the money is for (default the meeting's host street). */
      street: z.optional(StreetSchema),
      fundingFen: z.optional(z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER))),
      purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
    }),
    status: 201,
    idempotent: true,
    response: DecisionView,
  },
});
