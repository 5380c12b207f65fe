import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { CommunitySchema, IdParam } from '../vocabulary.ts';

/** Property-management companies, rated from the issues they are named on. */
export const companyRoutes = defineRoutes({
  registerCompany: {
    method: 'POST',
    path: '/coordination/property-companies',
    summary: 'Register a property-management company and the communities of the street it serves.',
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
  },
  getCompany: {
    method: 'GET',
    path: '/coordination/property-companies/{id}',
    summary: 'A company, its average rating and its issues (newest first, paginated): kind, community, status and ratings only.',
    access: { public: true },
    params: IdParam,
    query: PageQuery,
    status: 200,
  },
});
