import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { ApplicationStatus, Education, ScreeningRule, SourcePool } from '../vocabulary.ts';

const Profile = z.strictObject({
  birthDate: z.iso
    .date()
    .check(z.refine((day) => day >= '1900-01-01' && day <= new Date().toISOString().slice(0, 10), 'a birth date in the past')),
  education: Education,
  currentRole: SourcePool,
  yearsOfService: z.number().check(z.int(), z.gte(0), z.lte(60)),
});

const Instant = z.iso.datetime();

/** An application as the applicant and the organization department see it. */
const ApplicationView = z
  .object({
    id: Ulid,
    positionId: Ulid,
    positionTitle: z.string(),
    street: StreetSchema,
    applicant: z.string().check(z.meta({ description: "The applicant's subject (the identity provider's id)." })),
    name: z.string(),
    profile: z.object({
      birthDate: z.iso.date(),
      education: Education,
      currentRole: SourcePool,
      yearsOfService: z.number().check(z.int(), z.nonnegative()),
    }),
    status: ApplicationStatus,
    reasons: z
      .array(z.object({ rule: ScreeningRule, message: z.string() }))
      .check(z.meta({ description: 'Why screening found it ineligible: one per failed rule; empty when eligible.' })),
    submittedAt: Instant,
    score: z.optional(z.number().check(z.gte(0), z.lte(100))),
    scoredAt: z.optional(Instant),
    rank: z.optional(z.number().check(z.int(), z.positive())).check(z.meta({ description: 'Place in the ranking when the position closed.' })),
    staffId: z.optional(Ulid).check(z.meta({ description: 'The staff member the applicant became, when hired.' })),
    decidedAt: z.optional(Instant),
    decision: z.optional(z.string()).check(z.meta({ description: 'Why an eligible application was not selected.' })),
  })
  .check(z.meta({ title: 'Application' }));

/**
 * Applications. An applicant is any signed-in resident, wherever they live (jurisdiction `any`):
 * eligibility is the position's rules, not the applicant's address, and an applicant only ever
 * reaches their own applications (by their subject), never anyone else's.
 */
export const applicationRoutes = defineRoutes({
  apply: {
    method: 'POST',
    path: '/recruitment/positions/{id}/applications',
    summary: 'Apply for a position',
    description:
      'Apply with a profile; screened at once (eligible, or ineligible with every reason). One per applicant and position (409); ' +
      'outside the application window 409.',
    access: { roles: ['resident'], jurisdiction: 'any' },
    params: z.strictObject({ id: Ulid }),
    body: z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)), profile: Profile }),
    status: 201,
    idempotent: true,
    response: ApplicationView,
  },
  myApplications: {
    method: 'GET',
    path: '/recruitment/me/applications',
    summary: 'My applications',
    description: "The caller's own applications, with status, reasons and score, newest position first.",
    access: { roles: ['resident'], jurisdiction: 'any' },
    query: PageQuery,
    status: 200,
    response: pageOf(ApplicationView),
  },
  positionApplications: {
    method: 'GET',
    path: '/recruitment/positions/{id}/applications',
    summary: "A position's applications",
    description: 'All applications to a position in order of submission (earliest first), or only those of one `status`, in the same order.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    query: z.extend(PageQuery, { status: z.optional(ApplicationStatus) }),
    status: 200,
    response: pageOf(ApplicationView),
  },
  scoreApplication: {
    method: 'POST',
    path: '/recruitment/applications/{id}/score',
    summary: 'Score an application',
    description:
      'The exam score (0–100) of an eligible application, while its position is published; a correction replaces it. ' +
      'An ineligible application, or one of a closed position, is 409.',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    params: z.strictObject({ id: Ulid }),
    body: z.strictObject({ score: z.number().check(z.gte(0), z.lte(100)) }),
    status: 200,
    response: ApplicationView,
  },
});
