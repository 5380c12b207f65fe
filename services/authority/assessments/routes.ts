import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { PeriodSchema } from '../../../contracts/authority.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const StaffId = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,64}$/, "the staff member's roster id"));
const Score = z.number().check(z.int('a whole number'), z.gte(0), z.lte(100));
const Comment = z.string().check(z.trim(), z.minLength(1, 'a comment is required'), z.maxLength(4000));

const Instant = z.iso.datetime();

const AssessmentSide = z.object({
  assessmentId: ulidOf('an assessment id'),
  score: z.number().check(z.int(), z.gte(0), z.lte(100)),
  comment: z.string(),
  assessedBy: z.string(),
  assessedAt: Instant,
});

/** Both sides of a member's assessment for a period, and the combined score once both are in. */
const DoubleAssessment = z
  .object({
    staffId: StaffId,
    period: PeriodSchema,
    street: StreetSchema,
    department: DepartmentSchema,
    byStreet: z.optional(AssessmentSide).check(z.meta({ description: "The street committee's side, once given." })),
    byDepartment: z.optional(AssessmentSide).check(z.meta({ description: "The department's side, once given." })),
    streetWeight: z.number().check(z.gte(0), z.lte(1), z.meta({ description: "The street's share of the combined score (0.5 unless configured)." })),
    combinedScore: z
      .nullable(z.number().check(z.gte(0), z.lte(100)))
      .check(z.meta({ description: 'Weighted, to one decimal; null until both sides are in.' })),
  })
  .check(z.meta({ title: 'DoubleAssessment' }));

/** The double assessment of staff that departments station in streets. */
export const assessmentRoutes = defineRoutes({
  assessStationedStaff: {
    method: 'POST',
    path: '/authority/assessments',
    summary: 'Assess a stationed staff member (street)',
    description:
      "The street's assessment of a member of staff a department stations in it, for a period; one per member and period (409). " +
      'Recruitment adds it to the member’s record (`AssessmentRecorded`).',
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    body: z.strictObject({
      staffId: StaffId,
      /** The department that stations the member in the street. */
      department: DepartmentSchema,
      period: PeriodSchema,
      score: Score,
      comment: Comment,
      /** Defaults to the committee's own street. */
      street: z.optional(StreetSchema),
    }),
    status: 201,
    idempotent: true,
    response: DoubleAssessment,
  },
  assessOwnStaff: {
    method: 'POST',
    path: '/authority/department-assessments',
    summary: 'Assess a stationed staff member (department)',
    description: "The department's side of the double assessment of a member it stations in a street; one per member and period (409).",
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    body: z.strictObject({
      staffId: StaffId,
      street: StreetSchema,
      period: PeriodSchema,
      score: Score,
      comment: Comment,
    }),
    status: 201,
    idempotent: true,
    response: DoubleAssessment,
  },
  streetAssessments: {
    method: 'GET',
    path: '/authority/streets/{street}/assessments',
    summary: "A street's double assessments by state",
    description:
      "The street's assessments of the staff departments station in it, by where they stand: `awaiting-street` (the " +
      "department gave its side; the committee's is due), `awaiting-department` (the committee gave its side) or `complete` " +
      '(both, with the combined score); newest period first, of one `period` when given; paged. The street is written ' +
      '`D01-S03` in the path.',
    access: { roles: ['street-committee'], jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['awaiting-street', 'awaiting-department', 'complete']), 'awaiting-street'),
      period: z.optional(PeriodSchema),
    }),
    status: 200,
    response: pageOf(DoubleAssessment),
  },
  doubleAssessment: {
    method: 'GET',
    path: '/authority/assessments',
    summary: "A staff member's double assessments",
    description:
      "Both sides of a member's assessments, newest period first, with the combined score (street weight 50% by default, " +
      '`AUTHORITY_STREET_WEIGHT_PERCENT`). Only the assessments the caller is party to.',
    access: { roles: ['department', 'street-committee'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, { staffId: StaffId, period: z.optional(PeriodSchema) }),
    status: 200,
    response: pageOf(DoubleAssessment),
  },
});
