import * as z from 'zod/mini';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { FenAmount } from '../money.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Reason, Text } from '../vocabulary.ts';
import { DecidedRequestSchema, FundingRequestSchema } from './schemas.ts';

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
    summary: 'List funding requests',
    description: "A district's funding requests in a status (default `open`), oldest first; paged. `district` defaults to the caller's.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      status: z._default(z.enum(['open', 'approved', 'declined']), 'open'),
      /** Defaults to the caller's district. */
      district: z.optional(DistrictSchema),
    }),
    status: 200,
    response: pageOf(FundingRequestSchema),
  },
  getRequest: {
    method: 'GET',
    path: '/funding/requests/{id}',
    summary: 'Get a funding request',
    description: 'One funding request: what was asked, by which event, and its decision.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: FundingRequestSchema,
  },
  decideRequest: {
    method: 'POST',
    path: '/funding/requests/{id}/decision',
    summary: 'Decide a funding request',
    description:
      "`approve` with the pool of the request's street to draw on (`poolId`; optionally a smaller `amountFen`) → `FundsAllocated` naming the request, and the answer carries the `allocation` beside the request; or `decline` with a `reason` → `FundingDeclined`. Both answers carry the asking event's correlation id onto the bus. One decision per request: a second is 409; a pool too small 409; a pool of another street 422.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: IdParam,
    body: Decision,
    status: 200,
    response: DecidedRequestSchema,
  },
});
