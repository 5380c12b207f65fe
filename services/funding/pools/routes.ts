import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { FenAmount } from '../money.ts';
import { CommunitySchema, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { Ulid } from '../../../kernel/ids.ts';
import { IdParam, Text, Year } from '../vocabulary.ts';
import { AllocationSchema, DisbursementSchema, PoolSchema } from './schemas.ts';

/** Lines per pool; a pool is written in one item. */
export const MAX_POOL_LINES = 50;

const PoolBody = z
  .strictObject({
    street: StreetSchema,
    year: Year,
    name: Text,
    lines: z
      .array(z.strictObject({ program: Text, department: DepartmentSchema, amountFen: FenAmount }))
      .check(z.minLength(1), z.maxLength(MAX_POOL_LINES)),
  })
  .check(z.superRefine((pool, ctx) => {
    const seen = new Set<string>();
    pool.lines.forEach((line, i) => {
      const key = `${line.department}\n${line.program}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['lines', i, 'program'], message: 'the same program of the same department twice' });
      seen.add(key);
    });
  }));

const AllocationBody = z
  .strictObject({ amountFen: FenAmount, purpose: Text, community: z.optional(CommunitySchema), projectId: z.optional(Ulid) })
  .check(z.refine((a) => (a.community === undefined) !== (a.projectId === undefined), {
    message: 'name either a community or a project',
    path: ['community'],
  }));

/** Fund pools bundling several departments' programs, their allocations and the payments against those. */
export const poolRoutes = defineRoutes({
  createPool: {
    method: 'POST',
    path: '/funding/pools',
    summary: 'Create a fund pool',
    description:
      "A pool bundling lines of several departments' programs (`program`, `department`, `amountFen`; each program of a department once, at most 50 lines) for a street's communities in a fiscal year. Its total is the sum of the lines. → `PoolCreated`.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    body: PoolBody,
    status: 201,
    idempotent: true,
    response: PoolSchema,
  },
  getPool: {
    method: 'GET',
    path: '/funding/pools/{id}',
    summary: 'Get a fund pool',
    description: 'One pool: its lines, total, allocated, remaining and disbursed.',
    access: { roles: ['finance', 'street-official'], jurisdiction: 'subject' },
    params: IdParam,
    status: 200,
    response: PoolSchema,
  },
  listAllocations: {
    method: 'GET',
    path: '/funding/pools/{id}/allocations',
    summary: "List a pool's allocations",
    description: "A pool's allocations, oldest first, each with what has been paid against it; paged.",
    access: { roles: ['finance', 'street-official'], jurisdiction: 'subject' },
    params: IdParam,
    query: PageQuery,
    status: 200,
    response: pageOf(AllocationSchema),
  },
  allocate: {
    method: 'POST',
    path: '/funding/pools/{id}/allocations',
    summary: 'Allocate money from a pool',
    description:
      'Sets money of a pool aside for a `community` of its street or a capital project (`projectId`) of it: exactly one of the two. More than the pool has left is 409, whoever allocates at the same time. → `FundsAllocated`.',
    access: { roles: ['finance', 'street-official'], jurisdiction: 'subject' },
    params: IdParam,
    body: AllocationBody,
    status: 201,
    idempotent: true,
    response: AllocationSchema,
  },
  disburse: {
    method: 'POST',
    path: '/funding/allocations/{id}/disbursements',
    summary: 'Pay out against an allocation',
    description:
      'A payment under a voucher (`voucherRef`). More than is left of the allocation is 409; the same voucher paid twice against it is 409. → `DisbursementRecorded`.',
    access: { roles: ['street-official'], jurisdiction: 'subject' },
    params: IdParam,
    body: z.strictObject({
      amountFen: FenAmount,
      voucherRef: z.string().check(z.regex(/^[A-Za-z0-9_.:\/-]{1,64}$/, 'a voucher number: 1-64 of A-Z a-z 0-9 _ . : / -')),
      note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    }),
    status: 201,
    idempotent: true,
    response: DisbursementSchema,
  },
});
