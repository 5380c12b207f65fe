import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { CommunityInPath } from '../sites/routes.ts';

const Community = z.strictObject({ community: CommunityInPath });

/** Compliance with the standard, the list of failing communities, and remediation plans. */
export const complianceRoutes = defineRoutes({
  communityCompliance: {
    method: 'GET',
    path: '/premises/communities/{community}/compliance',
    summary: "A community against its district's standard: total and required area, shortfall, resident-activity share, long-term rentals, scattered sites, each rule with its numbers.",
    access: { roles: ['street-official', 'district-admin', 'community-worker'], jurisdiction: 'subject' },
    params: Community,
    status: 200,
  },
  complianceList: {
    method: 'GET',
    path: '/premises/compliance',
    summary: 'Communities of a street (default: the caller\'s street, or a district office\'s whole district) in a status, default failing; paginated.',
    access: { roles: ['street-official', 'district-admin'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      street: z.optional(StreetSchema),
      status: z._default(z.enum(['failing', 'compliant', 'unassessed']), 'failing'),
    }),
    status: 200,
  },
  remediations: {
    method: 'GET',
    path: '/premises/communities/{community}/remediation',
    summary: "A community's remediation plans, newest first, with funding's answers; paginated.",
    access: { roles: ['street-official', 'district-admin', 'community-worker'], jurisdiction: 'subject' },
    params: Community,
    query: PageQuery,
    status: 200,
  },
  planRemediation: {
    method: 'POST',
    path: '/premises/communities/{community}/remediation',
    summary: 'A plan to remedy a failing community; with `amountFen` it asks funding for the money (RemediationFundingRequested).',
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
  },
});
