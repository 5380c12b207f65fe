import * as z from 'zod/mini';
import { CommunityInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';

import { ComplianceSchema, RemediationSchema } from './schemas.ts';

const Community = z.strictObject({ community: CommunityInPath });

/** Compliance with the standard, the list of failing communities, and remediation plans. */
export const complianceRoutes = defineRoutes({
  communityCompliance: {
    method: 'GET',
    path: '/premises/communities/{community}/compliance',
    summary: "Get a community's compliance with the standard",
    description:
      "A community against its district's current standard: total and required area, shortfall, resident-activity share, long-term rentals, scattered office sites, and each rule with its numbers. `status` is `unassessed` until its households are recorded. The community is written `D01-S03-C07` in the path.",
    access: { roles: ['street-official', 'district-admin', 'community-worker'], jurisdiction: 'subject' },
    params: Community,
    status: 200,
    response: ComplianceSchema,
  },
  complianceList: {
    method: 'GET',
    path: '/premises/compliance',
    summary: 'List communities by compliance status',
    description:
      "The communities of a street (default: the caller's street, or for a district office its whole district) whose stored result is `status` (default `failing`), by community; paged from an index. Each shows its compliance under the current standard, with the `status` and `failing` rules it is listed under (its stored result, as of `assessedAt`).",
    access: { roles: ['street-official', 'district-admin'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      street: z.optional(StreetSchema),
      status: z._default(z.enum(['failing', 'compliant', 'unassessed']), 'failing'),
    }),
    status: 200,
    response: pageOf(ComplianceSchema),
  },
  remediations: {
    method: 'GET',
    path: '/premises/communities/{community}/remediation',
    summary: "List a community's remediation plans",
    description: "A community's remediation plans, newest first, each with funding's answers to the money it asked; paged.",
    access: { roles: ['street-official', 'district-admin', 'community-worker'], jurisdiction: 'subject' },
    params: Community,
    query: PageQuery,
    status: 200,
    response: pageOf(RemediationSchema),
  },
  planRemediation: {
    method: 'POST',
    path: '/premises/communities/{community}/remediation',
    summary: 'Plan the remedy of a failing community',
    description:
      'A plan to bring a community that fails the standard (as it stands now) up to it, due after today; a community that meets it, or is not assessed yet, is 409. With `amountFen` (and a `purpose`, the plan by default) it asks funding for the money. → `RemediationPlanned` (+ `RemediationFundingRequested`).',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: Community,
    body: z
      .strictObject({
        plan: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
        dueBy: z.iso.date('a date such as 2027-06-30'),
        amountFen: z.optional(z.number().check(z.int('whole fen'), z.positive(), z.lte(Number.MAX_SAFE_INTEGER))),
        purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
      })
      .check(
        z.refine((b) => b.purpose === undefined || b.amountFen !== undefined, { message: 'a purpose goes with amountFen', path: ['purpose'] }),
      ),
    status: 201,
    idempotent: true,
    response: RemediationSchema,
  },
});
