import * as z from 'zod/mini';
import { DistrictSchema as District, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes } from '../../../kernel/routes.ts';

const Year = z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100));

/** Streets per plan: the plan and its allotments are written in one transaction of at most 100 items. */
export const MAX_PLAN_STREETS = 90;

const PlanBody = z
  .strictObject({
    year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
    district: District,
    streets: z
      .array(
        z.strictObject({
          street: StreetSchema,
          /** Posts the street may recruit this year. */
          posts: z.number().check(z.int(), z.gte(1), z.lte(1000)),
          /** Of those, kept for outstanding village cadres and community workers. */
          reserved: z.number().check(z.int(), z.gte(0), z.lte(1000)),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_PLAN_STREETS)),
  })
  .check(z.superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.streets.forEach((s, i) => {
      if (!s.street.startsWith(`${plan.district}/`)) {
        ctx.addIssue({ code: 'custom', path: ['streets', i, 'street'], message: `not a street of ${plan.district}` });
      }
      if (seen.has(s.street)) ctx.addIssue({ code: 'custom', path: ['streets', i, 'street'], message: 'named twice' });
      seen.add(s.street);
      if (s.reserved > s.posts) {
        ctx.addIssue({ code: 'custom', path: ['streets', i, 'reserved'], message: 'more than the street’s posts' });
      }
    });
  }));

const Count = z.number().check(z.int(), z.nonnegative());

/** A plan and, per street, what has been published against it and what remains. */
const PlanView = z
  .object({
    district: District,
    year: z.number().check(z.int()),
    adoptedAt: z.iso.datetime(),
    streets: z.array(
      z.object({
        street: StreetSchema,
        posts: Count.check(z.meta({ description: 'The posts the plan gives the street this year.' })),
        reserved: Count.check(z.meta({ description: 'Of those, kept for village cadres and community workers.' })),
        published: Count.check(z.meta({ description: 'The quotas of the positions published against the plan.' })),
        remaining: Count.check(z.meta({ description: 'Posts still to publish.' })),
        remainingOpen: Count.check(
          z.meta({ description: 'Of those, how many a position open to pools beyond the reserved ones may still use.' }),
        ),
      }),
    ),
  })
  .check(z.meta({ title: 'RecruitmentPlan' }));

/** The district's annual recruitment plan. */
export const planRoutes = defineRoutes({
  adoptPlan: {
    method: 'POST',
    path: '/recruitment/plans',
    summary: 'Adopt the annual recruitment plan',
    description:
      "The organization department's annual plan: per street, posts and those reserved for village cadres and community workers. " +
      'One plan per district and year (409).',
    access: { roles: ['organization-dept'], jurisdiction: 'subject' },
    body: PlanBody,
    status: 201,
    idempotent: true,
    response: PlanView,
  },
  getPlan: {
    method: 'GET',
    path: '/recruitment/plans/{district}/{year}',
    summary: 'A recruitment plan',
    description: 'A plan with what each street has published against it and what remains.',
    access: { roles: ['organization-dept', 'district-admin'], jurisdiction: 'subject' },
    params: z.strictObject({ district: District, year: Year }),
    status: 200,
    response: PlanView,
  },
});
