import * as z from 'zod';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { DepartmentSchema, StreetSchema } from '../../../kernel/roles.ts';
import { IssueCategory, IssueUrgency } from '../events.ts';
import { CommunitySchema, IdParam, IssueStatus, Ulid } from '../vocabulary.ts';

const readers = ['street-official', 'community-worker', 'department', 'district-admin'] as const;

/** Whistles: a street calls departments; they report in and resolve within the deadlines; the street rates them. */
export const issueRoutes = defineRoutes({
  raiseIssue: {
    method: 'POST',
    path: '/coordination/issues',
    summary: 'A street (or one of its communities) whistles: the named departments must report in and resolve.',
    access: { roles: ['street-official', 'community-worker'], jurisdiction: 'subject' },
    body: z.strictObject({
      category: IssueCategory,
      urgency: IssueUrgency,
      departments: z
        .array(DepartmentSchema)
        .min(1, 'name at least one department')
        .max(10)
        .refine((d) => new Set(d).size === d.length, 'each department once'),
      description: z.string().trim().min(1).max(4_000),
      location: z.string().trim().min(1).max(500),
      /** The community it is in; a community worker's own community by default. */
      community: CommunitySchema.optional(),
      propertyCompanyId: Ulid.optional(),
    }),
    status: 201,
    idempotent: true,
  },
  getIssue: {
    method: 'GET',
    path: '/coordination/issues/{id}',
    summary: 'One issue: each department’s report, resolution and rating, and whether it is overdue.',
    access: { roles: readers, jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    status: 200,
  },
  acknowledgeIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/acknowledge',
    summary: 'A named department reports in; late after the response deadline; once (409).',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    status: 200,
  },
  resolveIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/resolve',
    summary: 'A named department that reported in resolves its part, with a note; once (409).',
    access: { roles: ['department'], jurisdiction: 'subject', department: 'own' },
    params: IdParam,
    body: z.strictObject({ note: z.string().trim().min(1).max(4_000) }),
    status: 200,
  },
  rateIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/rating',
    summary: 'The raising street rates a department’s handling 1–5, once per department, after it resolved.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({ department: DepartmentSchema, score: z.number().int().min(1).max(5), comment: z.string().trim().max(1_000).optional() }),
    status: 200,
  },
  listIssues: {
    method: 'GET',
    path: '/coordination/issues',
    summary: 'Issues of a street or district by status (default open), optionally overdue only or one department’s.',
    access: { roles: ['street-official', 'department', 'district-admin'], jurisdiction: 'subject', department: 'own' },
    query: PageQuery.extend({
      status: IssueStatus.default('open'),
      overdue: z.enum(['true', 'false']).optional(),
      department: DepartmentSchema.optional(),
      street: StreetSchema.optional(),
    }),
    status: 200,
  },
});
