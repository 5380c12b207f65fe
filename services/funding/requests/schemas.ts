import * as z from 'zod/mini';
import { CommunitySchema, DistrictSchema, StreetSchema } from '../../../kernel/jurisdiction.ts';

import { RequestOrigin } from '../../../contracts/funding.ts';
import { Fen } from '../money.ts';
import { AllocationSchema } from '../pools/schemas.ts';
import { Ulid } from '../../../kernel/ids.ts';

/**
 * A request for money that arrived as an event (a joint meeting's decision, a premises remediation
 * plan) and finance's decision on it.
 */
export const FundingRequestSchema = z
  .object({
    id: Ulid,
    kind: RequestOrigin.shape.kind,
    ref: z.string().check(z.meta({ description: 'The asker\'s own id: the `decisionId` of a FundingRequested, the `remediationId` of a RemediationFundingRequested.' })),
    street: StreetSchema,
    district: DistrictSchema,
    community: z.optional(CommunitySchema),
    amountFen: Fen.check(z.meta({ description: 'What was asked.' })),
    purpose: z.string(),
    details: z
      .object({
        meetingId: z.optional(z.string()),
        ownerDepartment: z.optional(z.string()),
        shortfallM2: z.optional(z.number()),
      })
      .check(z.meta({ description: 'What else the asker said: `meetingId` and `ownerDepartment` of a FundingRequested; `shortfallM2` of a RemediationFundingRequested.' })),
    asked: z
      .object({
        eventId: z.string(),
        source: z.string(),
        correlationId: z.string(),
        occurredAt: z.iso.datetime(),
        by: z.string(),
      })
      .check(z.meta({ description: 'The event that asked: its id, source, correlation id, time, and who raised it there.' })),
    status: z.enum(['open', 'approved', 'declined']),
    receivedAt: z.iso.datetime(),
    decidedAt: z.optional(z.iso.datetime()),
    decidedBy: z.optional(z.string()),
    reason: z.optional(z.string().check(z.meta({ description: 'Why it was declined.' }))),
    poolId: z.optional(Ulid),
    allocationId: z.optional(Ulid),
    grantedFen: z.optional(Fen.check(z.meta({ description: 'What was allocated: the amount asked, or less.' }))),
  })
  .check(z.meta({ title: 'FundingRequest' }));

/** The decided request; an approval adds the allocation it made beside the request's own fields. */
export const DecidedRequestSchema = z
  .extend(FundingRequestSchema, { allocation: z.optional(AllocationSchema) })
  .check(z.meta({ title: 'DecidedFundingRequest' }));
