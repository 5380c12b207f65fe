import * as z from 'zod/mini';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { RequestOrigin } from '../../../contracts/funding.ts';
import { Fen } from '../money.ts';
import { Ulid } from '../../../kernel/ids.ts';

/** A fund pool: lines of several departments' programs for a street's communities in a fiscal year. */
export const PoolSchema = z
  .object({
    id: Ulid,
    street: StreetSchema,
    year: z.number().check(z.int()),
    name: z.string(),
    lines: z.array(z.object({ program: z.string(), department: DepartmentSchema, amountFen: Fen })),
    totalFen: Fen.check(z.meta({ description: 'The sum of the lines.' })),
    allocatedFen: Fen,
    remainingFen: Fen.check(z.meta({ description: 'Total less allocated: what can still be allocated.' })),
    disbursedFen: Fen.check(z.meta({ description: 'Paid out against its allocations.' })),
    allocations: z.number().check(z.int(), z.nonnegative(), z.meta({ description: 'How many allocations were made from it.' })),
    createdAt: z.iso.datetime(),
    createdBy: z.string(),
  })
  .check(z.meta({ title: 'Pool' }));

/** Money of a pool set aside for a community or a project (or, answering a request, its asker). */
export const AllocationSchema = z
  .object({
    id: Ulid,
    poolId: Ulid,
    street: StreetSchema,
    year: z.number().check(z.int()),
    recipient: z.string().check(z.meta({ description: 'The community, `project <id>`, or for a request the department or street that carries it out.' })),
    community: z.optional(CommunitySchema),
    projectId: z.optional(Ulid),
    amountFen: Fen,
    purpose: z.string(),
    disbursedFen: Fen,
    undisbursedFen: Fen.check(z.meta({ description: 'Amount less disbursed: what can still be paid against it.' })),
    disbursements: z.number().check(z.int(), z.nonnegative()),
    allocatedAt: z.iso.datetime(),
    allocatedBy: z.string(),
    request: z.optional(RequestOrigin.check(z.meta({ description: 'The funding request it answers, when it does.' }))),
  })
  .check(z.meta({ title: 'Allocation' }));

/** A payment against an allocation, under the voucher that documents it. */
export const DisbursementSchema = z
  .object({
    id: Ulid,
    allocationId: Ulid,
    poolId: Ulid,
    street: StreetSchema,
    amountFen: Fen,
    voucherRef: z.string(),
    note: z.optional(z.string()),
    paidAt: z.iso.datetime(),
    paidBy: z.string(),
  })
  .check(z.meta({ title: 'Disbursement' }));
