import * as z from 'zod/mini';
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
        .check(
          z.minLength(1, 'name at least one department'),
          z.maxLength(10),
          z.refine((d) => new Set(d).size === d.length, 'each department once'),
        ),
      description: z.string().check(z.trim(), z.minLength(1), z.maxLength(4_000)),
      location: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
      /** The community it is in; a community worker's own community by default. */
      community: z.optional(CommunitySchema),
      propertyCompanyId: z.optional(Ulid),
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
    body: z.strictObject({ note: z.string().check(z.trim(), z.minLength(1), z.maxLength(4_000)) }),
    status: 200,
  },
  rateIssue: {
    method: 'POST',
    path: '/coordination/issues/{id}/rating',
    summary: 'The raising street rates a department’s handling 1–5, once per department, after it resolved.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({
      department: DepartmentSchema,
      score: z.number().check(z.int(), z.gte(1), z.lte(5)),
      comment: z.optional(z.string().check(z.trim(), z.maxLength(1_000))),
    }),
    status: 200,
  },
  listIssues: {
    method: 'GET',
    path: '/coordination/issues',
    summary: 'Issues of a street or district by status (default open), optionally overdue only or one department’s.',
    access: { roles: ['street-official', 'department', 'district-admin'], jurisdiction: 'subject', department: 'own' },
    query: z.extend(PageQuery, {
      status: z._default(IssueStatus, 'open'),
      overdue: z.optional(z.enum(['true', 'false'])),
      department: z.optional(DepartmentSchema),
      street: z.optional(StreetSchema),
    }),
    status: 200,
  },
});
