import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { PeriodSchema } from '../events.ts';

const StaffId = z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,64}$/, "the staff member's roster id"));
const Score = z.number().check(z.int('a whole number'), z.gte(0), z.lte(100));
const Comment = z.string().check(z.trim(), z.minLength(1, 'a comment is required'), z.maxLength(4000));

/** The double assessment of staff that departments station in streets. */
export const assessmentRoutes = defineRoutes({
  assessStationedStaff: {
    method: 'POST',
    path: '/authority/assessments',
    summary: "The street's assessment of a member of staff a department stations in it, for a period; one per member and period.",
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
  },
  assessOwnStaff: {
    method: 'POST',
    path: '/authority/department-assessments',
    summary: "The department's side of the double assessment of a member it stations in a street; one per member and period.",
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
  },
  doubleAssessment: {
    method: 'GET',
    path: '/authority/assessments',
    summary: "Both sides of a member's assessments, newest period first, with the combined score (street weight 50% by default).",
    access: { roles: ['department', 'street-committee'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, { staffId: StaffId, period: z.optional(PeriodSchema) }),
    status: 200,
  },
});
