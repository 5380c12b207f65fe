import * as z from 'zod/mini';
import { StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { FlagReason, PositionKind, SecondmentStatus } from '../vocabulary.ts';

const Day = z.iso.date();
const Instant = z.iso.datetime();
const Count = z.number().check(z.int(), z.nonnegative());
const who = ['street-official', 'organization-dept'] as const;

/** A member of a street's staff, hired through a position. */
const StaffMemberView = z
  .object({
    id: Ulid,
    name: z.string(),
    street: StreetSchema,
    kind: PositionKind,
    positionId: Ulid,
    positionTitle: z.string(),
    applicationId: Ulid,
    applicant: z.string().check(z.meta({ description: "The person's subject, linking the record to their application." })),
    hiredAt: Instant,
    status: z.enum(['in-post', 'seconded']),
    secondmentId: z.optional(Ulid).check(z.meta({ description: 'The current secondment, while seconded.' })),
  })
  .check(z.meta({ title: 'StaffMember' }));

/** A secondment as the office reads it. */
const SecondmentView = z
  .object({
    id: Ulid,
    staffId: Ulid,
    staffName: z.string(),
    street: StreetSchema,
    toUnit: z.string(),
    startsOn: Day,
    endsOn: Day,
    approvalRef: z.optional(z.string()),
    status: SecondmentStatus,
    flagReasons: z.optional(z.array(FlagReason)),
    flaggedAt: z.optional(Instant),
    recordedAt: Instant,
    recordedBy: z.string(),
    approvedAt: z.optional(Instant).check(z.meta({ description: 'When an approval was recorded after the secondment began.' })),
    approvedBy: z.optional(z.string()),
    endedOn: z.optional(Day),
    endedAt: z.optional(Instant),
    endedBy: z.optional(z.string()),
    pastDue: z.boolean().check(z.meta({ description: 'Not ended, and the district’s today is after `endsOn`.' })),
  })
  .check(z.meta({ title: 'Secondment' }));

/** The street's assessment of a member, as authority recorded it (AssessmentRecorded). */
const StreetAssessment = z
  .object({
    assessmentId: z.string(),
    staffId: z.string(),
    street: StreetSchema,
    department: DepartmentSchema,
    period: z.string(),
    score: z.number().check(z.int(), z.gte(0), z.lte(100)),
    comment: z.string(),
    assessedBy: z.string(),
    assessedAt: Instant,
  })
  .check(z.meta({ title: 'StreetAssessmentOfStaff' }));

const StaffRecord = z
  .extend(StaffMemberView, {
    secondment: z.optional(SecondmentView).check(z.meta({ description: 'The current secondment, while seconded.' })),
    assessments: z.array(StreetAssessment).check(z.meta({ description: "The street's assessments, latest period first (at most 20)." })),
  })
  .check(z.meta({ title: 'StaffRecord' }));

const Rate = z
  .nullable(z.number().check(z.gte(0), z.lte(1)))
  .check(z.meta({ description: 'A fraction (0.25 = 25 %) to four places; null when there is nothing to divide by.' }));

/** A street's staffing: the posts it recruits for and how they are filled and lent out. */
const StaffingView = z
  .object({
    street: StreetSchema,
    publishedQuota: Count.check(z.meta({ description: "The quotas of the positions published for the street: the posts it recruits for (not the plan's posts)." })),
    filled: Count.check(z.meta({ description: 'Staff hired into them.' })),
    vacancies: Count.check(z.meta({ description: '`publishedQuota` not filled.' })),
    vacancyRate: Rate,
    onSecondment: Count,
    secondmentRate: Rate,
    flaggedSecondments: Count.check(z.meta({ description: 'Secondments currently flagged (no approval, or past their end).' })),
  })
  .check(z.meta({ title: 'Staffing' }));

/** The roster of a street's staff, their secondments, and the street's staffing. */
export const staffRoutes = defineRoutes({
  roster: {
    method: 'GET',
    path: '/recruitment/staff',
    summary: "A street's roster",
    description: "A street's roster (default the caller's street), newest hire first.",
    access: { roles: who, jurisdiction: 'subject' },
    query: z.extend(PageQuery, { street: z.optional(StreetSchema) }),
    status: 200,
    response: pageOf(StaffMemberView),
  },
  staffRecord: {
    method: 'GET',
    path: '/recruitment/staff/{id}',
    summary: "A staff member's record",
    description: "One member's record: post, current secondment, and the street's assessments of them.",
    access: { roles: who, jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    status: 200,
    response: StaffRecord,
  },
  startSecondment: {
    method: 'POST',
    path: '/recruitment/staff/{id}/secondments',
    summary: 'Second a staff member',
    description: 'A secondment out of the street; flagged at once without an approval reference (or when it ends before today).',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    body: z
      .strictObject({
        toUnit: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
        startsOn: Day,
        endsOn: Day,
        /** The number of the document that approved it; without one the secondment is flagged. */
        approvalRef: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
      })
      .check(z.refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'must be on or after startsOn' })),
    status: 201,
    idempotent: true,
    response: SecondmentView,
  },
  approveSecondment: {
    method: 'POST',
    path: '/recruitment/secondments/{id}/approval',
    summary: "Record a secondment's approval",
    description:
      'The approval a secondment lacked, by the number of the document that gave it: the `no-approval` flag goes, and a ' +
      'secondment flagged for nothing else is active again (one past its end stays flagged until recalled). Once: a ' +
      'secondment already approved, or ended, is 409. → `SecondmentApproved`.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    body: z.strictObject({
      /** The number of the document that approved it. */
      approvalRef: z.string().check(z.trim(), z.minLength(1, 'the approval document’s number is required'), z.maxLength(100)),
    }),
    status: 200,
    response: SecondmentView,
  },
  endSecondment: {
    method: 'POST',
    path: '/recruitment/secondments/{id}/end',
    summary: 'Recall a seconded staff member',
    description: 'Recall: the secondment ends today and the member is back in post. Ending it again is 409.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    status: 200,
    response: SecondmentView,
  },
  listSecondments: {
    method: 'GET',
    path: '/recruitment/secondments',
    summary: 'Secondments',
    description: "Secondments by status (default flagged) of a street, or of the caller's whole district.",
    access: { roles: who, jurisdiction: 'subject' },
    query: z.extend(PageQuery, { status: z._default(SecondmentStatus, 'flagged'), street: z.optional(StreetSchema) }),
    status: 200,
    response: pageOf(SecondmentView),
  },
  staffing: {
    method: 'GET',
    path: '/recruitment/streets/{street}/staffing',
    summary: "A street's staffing",
    description:
      'Published quota (the posts the street recruits for), filled, vacancies and vacancy rate, on secondment and ' +
      'secondment rate, flagged secondments. The street is written `D01-S03` in the path.',
    access: { roles: who, jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    status: 200,
    response: StaffingView,
  },
});
