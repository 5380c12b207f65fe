import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { CommunityInPath, CommunitySchema, DistrictSchema, Ulid } from '../vocabulary.ts';

const Code = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a code such as WI-2026-07'));

/** The work-item access list, and work items departments push onto communities. */
export const workItemRoutes = defineRoutes({
  approveAccessItem: {
    method: 'POST',
    path: '/coordination/access-list/items',
    summary: 'Put a work item on the district’s access list, by a joint-meeting decision; a code once (409).',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    body: z.strictObject({
      code: Code,
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
      /** The departments that may push it; empty or absent: any department of the district. */
      departments: z._default(z.array(DepartmentSchema).check(z.maxLength(50)), []),
      decisionId: Ulid,
    }),
    status: 201,
    idempotent: true,
  },
  accessList: {
    method: 'GET',
    path: '/coordination/access-list',
    summary: 'The approved work items of a district, by code.',
    access: { public: true },
    query: z.extend(PageQuery, { district: DistrictSchema }),
    status: 200,
  },
  pushWorkItem: {
    method: 'POST',
    path: '/coordination/work-items',
    summary: 'A department pushes a work item onto a community: 201 if on the access list, else 422 blocked (it reaches no community).',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    body: z.strictObject({
      code: Code,
      community: CommunitySchema,
      title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
      dueOn: z.optional(z.iso.date()),
    }),
    status: 201,
    idempotent: true,
  },
  communityWorkItems: {
    method: 'GET',
    path: '/coordination/communities/{community}/work-items',
    summary: 'The work items that reached a community (only ones on the access list), newest first.',
    access: { roles: ['community-worker', 'street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ community: CommunityInPath }),
    query: PageQuery,
    status: 200,
  },
});
