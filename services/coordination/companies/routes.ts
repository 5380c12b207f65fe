import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { IssueCategory, IssueUrgency } from '../../../contracts/coordination.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Instant, IssueStatus } from '../vocabulary.ts';

/** A property-management company, as the public sees it. */
const CompanyView = z
  .object({
    id: Ulid,
    name: z.string(),
    street: StreetSchema,
    communities: z.array(CommunitySchema),
    contact: z.optional(z.string()),
    registeredAt: Instant,
    ratings: z.number().check(z.int(), z.nonnegative(), z.meta({ description: 'Ratings of departments’ handling of issues naming the company.' })),
    averageRating: z.nullable(z.number()).check(z.meta({ description: 'Their average, 1 to 5 to two places; null without ratings.' })),
  })
  .check(z.meta({ title: 'PropertyCompany' }));

/** An issue naming a company, as its public page shows it. */
const CompanyIssue = z
  .object({
    id: Ulid,
    street: StreetSchema,
    community: z.optional(CommunitySchema),
    category: IssueCategory,
    urgency: IssueUrgency,
    status: IssueStatus,
    raisedAt: Instant,
    ratings: z
      .record(DepartmentSchema, z.number().check(z.int(), z.gte(1), z.lte(5)))
      .check(z.meta({ description: 'The street’s rating of each department that was rated, by department.' })),
  })
  .check(z.meta({ title: 'CompanyIssue' }));

/** Property-management companies, rated from the issues they are named on. */
export const companyRoutes = defineRoutes({
  registerCompany: {
    method: 'POST',
    path: '/coordination/property-companies',
    summary: 'Register a property-management company',
    description:
      'A street office registers a property-management company and the communities of its street it serves (others 422). ' +
      'Issues raised there may then name it, and the street’s ratings of them make its public rating.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    body: z.strictObject({
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      /** Default the caller's street. */
      street: z.optional(StreetSchema),
      communities: z.array(CommunitySchema).check(z.minLength(1), z.maxLength(100)),
      contact: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    }),
    status: 201,
    idempotent: true,
    response: CompanyView,
  },
  listCompanies: {
    method: 'GET',
    path: '/coordination/property-companies',
    summary: 'List the property-management companies of a street',
    description:
      'The companies a street office registered, in the order registered, each with where it serves and its average rating (as ' +
      '`GET …/{id}` answers it): the choices for an issue’s `propertyCompanyId`. Public, as each company is.',
    access: { public: true },
    query: z.extend(PageQuery, { street: StreetSchema }),
    status: 200,
    response: pageOf(CompanyView),
  },
  getCompany: {
    method: 'GET',
    path: '/coordination/property-companies/{id}',
    summary: 'Read a property-management company',
    description: 'A company, where it serves and its average rating. Public.',
    access: { public: true },
    params: IdParam,
    status: 200,
    response: CompanyView,
  },
  companyIssues: {
    method: 'GET',
    path: '/coordination/property-companies/{id}/issues',
    summary: 'List the issues naming a property-management company',
    description:
      'The issues naming the company, newest first: their kind, community, status and ratings only. Not the description, the exact ' +
      'location, who raised or handled them or what anyone wrote: those are for the issue’s own readers. Public.',
    access: { public: true },
    params: IdParam,
    query: PageQuery,
    status: 200,
    response: pageOf(CompanyIssue),
  },
});
