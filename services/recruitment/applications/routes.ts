import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { ApplicationStatus, Education, SourcePool, Ulid } from '../vocabulary.ts';

const Profile = z.strictObject({
  birthDate: z.iso
    .date()
    .check(z.refine((day) => day >= '1900-01-01' && day <= new Date().toISOString().slice(0, 10), 'a birth date in the past')),
  education: Education,
  currentRole: SourcePool,
  yearsOfService: z.number().check(z.int(), z.gte(0), z.lte(60)),
});

/**
 * Applications. An applicant is any signed-in resident, wherever they live (jurisdiction `any`):
 * eligibility is the position's rules, not the applicant's address, and an applicant only ever
 * reaches their own applications (by their subject), never anyone else's.
 */
export const applicationRoutes = defineRoutes({
  apply: {
    method: 'POST',
    path: '/recruitment/positions/{id}/applications',
    summary: 'Apply with a profile; screened at once (eligible, or ineligible with every reason). One per applicant and position.',
    access: { roles: ['resident'], jurisdiction: 'any' },
    params: z.strictObject({ id: Ulid }),
    body: z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), profile: Profile }),
    status: 201,
    idempotent: true,
  },
  myApplications: {
    method: 'GET',
    path: '/recruitment/me/applications',
    summary: "The caller's own applications, with status, reasons and score.",
    access: { roles: ['resident'], jurisdiction: 'any' },
    query: PageQuery,
    status: 200,
  },
  positionApplications: {
    method: 'GET',
    path: '/recruitment/positions/{id}/applications',
    summary: 'All applications to a position, by status, in order of submission.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    query: z.extend(PageQuery, { status: z.optional(ApplicationStatus) }),
    status: 200,
  },
  scoreApplication: {
    method: 'POST',
    path: '/recruitment/applications/{id}/score',
    summary: 'The exam score (0–100) of an eligible application, while its position is published; a correction replaces it.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    body: z.strictObject({ score: z.number().check(z.gte(0), z.lte(100)) }),
    status: 200,
  },
});
