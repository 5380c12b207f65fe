import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { FenAmount } from '../money.ts';
import { IdParam, Reason, Text, Ulid } from '../vocabulary.ts';

const Decision = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    /** The pool of the request's street to draw on. */
    poolId: Ulid,
    /** Less than asked, if finance grants less; the full amount by default. */
    amountFen: z.optional(FenAmount),
    purpose: z.optional(Text),
  }),
  z.strictObject({ decision: z.literal('decline'), reason: Reason }),
]);

/** Requests for money that arrived as events, and finance's decisions on them. */
export const requestRoutes = defineRoutes({
  listRequests: {
    method: 'GET',
    path: '/funding/requests',
    summary: "A district's funding requests by status (default open), oldest first.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['open', 'approved', 'declined']), 'open'),
      /** Defaults to the caller's district. */
      district: z.optional(z.string().check(z.regex(/^D\d{2}$/, 'a district such as D01'))),
    }),
    status: 200,
  },
  getRequest: {
    method: 'GET',
    path: '/funding/requests/{id}',
    summary: 'One funding request: what was asked, by which event, and its decision.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
  },
  decideRequest: {
    method: 'POST',
    path: '/funding/requests/{id}/decision',
    summary: 'approve (with the pool to draw on) → FundsAllocated, or decline with a reason → FundingDeclined; one decision (409).',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    body: Decision,
    status: 200,
  },
});
