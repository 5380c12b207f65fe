import * as z from 'zod/mini';
import { CommunityInPath, CommunitySchema, DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { Instant, Sub } from '../vocabulary.ts';

const Code = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a code such as WI-2026-07'), z.meta({ examples: ['WI-2026-07'] }));

/** An item of a district's access list. */
const AccessItemView = z
  .object({
    district: DistrictSchema,
    code: Code,
    title: z.string(),
    description: z.string(),
    departments: z.array(DepartmentSchema).check(z.meta({ description: 'The departments that may push it; empty: any department of the district.' })),
    decisionId: Ulid.check(z.meta({ description: 'The joint-meeting decision that put it on the list.' })),
    approvedAt: Instant,
  })
  .check(z.meta({ title: 'AccessListItem' }));

/** A work item that reached a community. */
const WorkItemView = z
  .object({
    id: Ulid,
    code: Code,
    title: z.string(),
    description: z.string(),
    department: DepartmentSchema.check(z.meta({ description: 'The department that pushed it.' })),
    community: CommunitySchema,
    street: StreetSchema,
    district: DistrictSchema,
    dueOn: z.optional(z.iso.date()),
    acceptedAt: Instant,
    assignedBy: Sub,
  })
  .check(z.meta({ title: 'WorkItem' }));

/** What a department pushed: accepted (it reached the community) or blocked (it did not, and why). */
const DepartmentWorkItemView = z
  .object({
    id: Ulid,
    status: z.enum(['accepted', 'blocked']),
    code: Code,
    title: z.string(),
    description: z.string(),
    department: DepartmentSchema,
    community: CommunitySchema,
    street: StreetSchema,
    district: DistrictSchema,
    dueOn: z.optional(z.iso.date()),
    at: Instant.check(z.meta({ description: 'When it was accepted, or blocked.' })),
    assignedBy: Sub,
    reason: z
      .optional(z.enum(['not-on-access-list', 'not-for-this-department']))
      .check(z.meta({ description: 'Blocked only: not on the district’s access list, or on it for other departments only.' })),
  })
  .check(z.meta({ title: 'DepartmentWorkItem' }));

/** The work-item access list, and work items departments push onto communities. */
export const workItemRoutes = defineRoutes({
  approveAccessItem: {
    method: 'POST',
    path: '/coordination/access-list/items',
    summary: 'Put a work item on the access list',
    description:
      'The district office puts a work item on its access list, by a decision of one of its joint meetings (`decisionId`; ' +
      'another district’s decision or none, 422), optionally only for some departments. A code is on the list once (409).',
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
    response: AccessItemView,
  },
  accessList: {
    method: 'GET',
    path: '/coordination/access-list',
    summary: 'List a district’s access list',
    description: 'The work items departments may ask of the district’s communities, by code. Public.',
    access: { public: true },
    query: z.extend(PageQuery, { district: DistrictSchema }),
    status: 200,
    response: pageOf(AccessItemView),
  },
  pushWorkItem: {
    method: 'POST',
    path: '/coordination/work-items',
    summary: 'Push a work item onto a community',
    description:
      'A department asks a community of its district to do a work item. On the access list (and, where the list names departments, ' +
      'for this one): 201 and the community sees it. Otherwise it is blocked: 422 problem+json with the `reason` ' +
      '(`not-on-access-list` or `not-for-this-department`) and the `blockedId` of the recorded attempt; it reaches no community ' +
      'and counts against the department (`WorkItemBlocked`).',
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
    response: WorkItemView,
  },
  communityWorkItems: {
    method: 'GET',
    path: '/coordination/communities/{community}/work-items',
    summary: 'List the work items of a community',
    description: 'The work items that reached the community (only ones on the access list), newest first. The community is written `D01-S03-C07`.',
    access: { roles: ['community-worker', 'street-official'], jurisdiction: 'subject' },
    params: z.strictObject({ community: CommunityInPath }),
    query: PageQuery,
    status: 200,
    response: pageOf(WorkItemView),
  },
  departmentWorkItems: {
    method: 'GET',
    path: '/coordination/departments/{dept}/work-items',
    summary: 'List the work items a department pushed',
    description:
      'The work items a department pushed onto the communities of a district (default the caller’s), newest first: `status=accepted` ' +
      '(default) those that reached a community, `status=blocked` those refused, each with its `reason`. The district office reads ' +
      'every department’s; a department only its own.',
    access: { roles: ['district-admin', 'department'], jurisdiction: 'subject', department: 'own' },
    params: z.strictObject({ dept: DepartmentSchema }),
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['accepted', 'blocked']), 'accepted'),
      district: z.optional(DistrictSchema),
    }),
    status: 200,
    response: pageOf(DepartmentWorkItemView),
  },
});
