import * as z from 'zod/mini';
import { CommunitySchema, DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { IssueCategory, IssueUrgency } from '../../../contracts/coordination.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Instant, IssueStatus, Revision, Sub } from '../vocabulary.ts';

const readers = ['street-official', 'community-worker', 'department', 'district-admin'] as const;

/** One named department's part in an issue: its report, its resolution and the street's rating of it. */
const DepartmentResponse = z
  .object({
    status: IssueStatus,
    acknowledgedAt: z.optional(Instant),
    acknowledgedBy: z.optional(Sub),
    acknowledgedLate: z.optional(z.boolean()).check(z.meta({ description: 'Reported in after `responseDueBy`.' })),
    resolvedAt: z.optional(Instant),
    resolvedBy: z.optional(Sub),
    note: z.optional(z.string()).check(z.meta({ description: 'What the department did, in its words.' })),
    resolvedLate: z.optional(z.boolean()).check(z.meta({ description: 'Resolved after `resolutionDueBy`.' })),
    rating: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
    ratingComment: z.optional(z.string()).check(z.meta({ description: 'The street’s words with its rating, if it gave any.' })),
    ratedAt: z.optional(Instant),
  })
  .check(z.meta({ title: 'DepartmentResponse' }));

/** Why and when an issue went onto a joint meeting's agenda. */
const Escalation = z
  .object({
    reason: z.enum(['response-overdue', 'resolution-overdue']),
    departments: z.array(DepartmentSchema).check(z.meta({ description: 'The departments that had not answered in time.' })),
    dueBy: Instant.check(z.meta({ description: 'The deadline that passed.' })),
    escalatedAt: Instant,
    meetingId: z.optional(Ulid).check(
      z.meta({ description: 'The joint meeting whose agenda the issue is on; absent while it waits for the next meeting to be convened.' }),
    ),
  })
  .check(z.meta({ title: 'Escalation' }));

/** An issue ("whistle") as its readers see it. */
export const IssueView = z
  .object({
    id: Ulid,
    street: StreetSchema,
    district: DistrictSchema,
    community: z.optional(CommunitySchema),
    category: IssueCategory,
    urgency: IssueUrgency,
    departments: z.array(DepartmentSchema),
    description: z.string(),
    location: z.string(),
    propertyCompanyId: z.optional(Ulid),
    raisedAt: Instant,
    raisedBy: Sub,
    responseDueBy: Instant.check(z.meta({ description: 'Every named department must report in by then.' })),
    resolutionDueBy: Instant.check(z.meta({ description: 'Every named department must resolve its part by then.' })),
    status: IssueStatus.check(
      z.meta({ description: 'open while a department has not reported in; acknowledged until every department has resolved; then resolved.' }),
    ),
    responses: z.record(DepartmentSchema, DepartmentResponse).check(z.meta({ description: 'Each named department’s part, by department.' })),
    escalation: z.optional(Escalation),
    version: Revision,
    overdue: z.boolean().check(z.meta({ description: 'The deadline that runs (report in while open, resolve once acknowledged) has passed.' })),
  })
  .check(z.meta({ title: 'Issue' }));

const deadlines =
  'Each named department must report in within 30 minutes and resolve within 2 hours (emergency), 24 hours (utility), ' +
  '7 days (general) or 15 days (complex), counted from when the issue was raised (the deployment may set other deadlines). ' +
  'An issue whose deadline passes unanswered is escalated onto the district’s next joint meeting.';

/** Whistles: a street calls departments; they report in and resolve within the deadlines; the street rates them. */
export const issueRoutes = defineRoutes({
  raiseIssue: {
    method: 'POST',
    path: '/coordination/issues',
    summary: 'Raise an issue (blow the whistle)',
    description:
      'A street official, or a community worker for their own community, calls the named departments to a problem in ' +
      'community building, production safety or property management. ' +
      deadlines +
      ' A caller above street level names the `community`; a `propertyCompanyId` must be a company registered for that place (422).',
    access: { roles: ['street-official', 'community-worker'], jurisdiction: 'subject' },
    body: z.strictObject({
      category: IssueCategory,
      urgency: IssueUrgency,
      departments: z
        .array(DepartmentSchema)
        .check(
          z.minLength(1, 'name at least one department'),
          z.maxLength(10),
          z.refine((d) => new Set(d).size === d.length, 'each department once'),
        ),
      description: z.string().check(z.trim(), z.minLength(1), z.maxLength(4_000)),
      location: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
      /** The community it is in; a community worker's own community by default. */
      community: z.optional(CommunitySchema),
      propertyCompanyId: z.optional(Ulid),
    }),
    status: 201,
    idempotent: true,
    response: IssueView,
  },
  getIssue: {
    method: 'GET',
    path: '/coordination/issues/{id}',
    summary: 'Read an issue',
    description:
      'One issue: each named department’s report, resolution and rating, its escalation if it had one (with the meeting ' +
      'whose agenda it is on), and whether it is overdue. For its street, its community, the departments it names and the district office.',
    access: { roles: readers, jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    status: 200,
    response: IssueView,
  },
  acknowledgeIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/acknowledge',
    summary: 'Report in on an issue',
    description:
      'A department named on the issue reports in: late after `responseDueBy` (a report exactly on it is on time). Once per department (409). ' +
      'The issue is acknowledged when every named department has reported in.',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    status: 200,
    response: IssueView,
  },
  resolveIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/resolve',
    summary: 'Resolve a department’s part of an issue',
    description:
      'A named department that has reported in resolves its part, with a note of what it did: late after `resolutionDueBy`. ' +
      'Before reporting in, or a second time, 409. The last department to resolve closes the issue.',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    body: z.strictObject({ note: z.string().check(z.trim(), z.minLength(1), z.maxLength(4_000)) }),
    status: 200,
    response: IssueView,
  },
  rateIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/rating',
    summary: 'Rate a department’s handling of an issue',
    description:
      'The street that raised the issue rates one department’s handling from 1 to 5, once per department (409), after that department ' +
      'resolved its part (409 before), optionally with a `comment` (kept as the response’s `ratingComment`). Ratings of 4 and 5 count ' +
      'as satisfied in the department’s performance.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({
      department: DepartmentSchema,
      score: z.number().check(z.int(), z.gte(1), z.lte(5)),
      comment: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
    }),
    status: 200,
    response: IssueView,
  },
  listIssues: {
    method: 'GET',
    path: '/coordination/issues',
    summary: 'List the issues of a street or district',
    description:
      'Issues of a street (default the caller’s) or of the caller’s district, by status (default open): unresolved ones earliest ' +
      'deadline first, resolved ones latest first. `overdue=true` keeps only those whose deadline has passed (not with `status=resolved`, 400). ' +
      'With `department`, that department’s issues by its own status; a department caller sees only its own.',
    access: { roles: ['street-official', 'department', 'district-admin'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, {
      status: z._default(IssueStatus, 'open'),
      overdue: z.optional(z.enum(['true', 'false'])),
      department: z.optional(DepartmentSchema),
      street: z.optional(StreetSchema),
    }),
    status: 200,
    response: pageOf(IssueView),
  },
});
