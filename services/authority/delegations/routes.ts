import * as z from 'zod/mini';
import { DistrictSchema, JurisdictionSchema, StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { PowerDomain } from '../../../contracts/authority.ts';
import { PowerCode } from '../powers/routes.ts';
import { GRANTS_PER_STEP, MAX_DELEGATION_CODES, MAX_DELEGATION_STREETS } from './domain.ts';
import { ulidOf } from '../../../kernel/ids.ts';

const Ulid = ulidOf('a delegation id');
const DelegationId = z.strictObject({ id: Ulid });
const CalendarDate = z.iso.date('a date such as 2025-07-01');
const Instant = z.iso.datetime();
const Count = z.number().check(z.int(), z.nonnegative());

/** A delegation and where it stands. */
const DelegationView = z
  .object({
    id: Ulid,
    decisionRef: z.string(),
    district: DistrictSchema,
    effectiveOn: CalendarDate,
    codes: z.array(PowerCode),
    streets: z.array(StreetSchema),
    note: z.optional(z.string()),
    status: z.enum(['granting', 'in-force', 'revoked']).check(
      z.meta({
        description:
          '`granting` while its grants are written (the streets hold nothing of it yet), `in-force` from then on, ' +
          '`revoked` once taken back (the streets held its powers until the day before `revokedFrom`).',
      }),
    ),
    grants: z
      .object({
        pairs: Count.check(z.meta({ description: 'codes × streets: the street-power pairs it grants.' })),
        items: Count.check(z.meta({ description: 'The grant items that hold them.' })),
        written: Count.check(z.meta({ description: 'Grant items written so far; `items` once in force.' })),
      })
      .check(z.meta({ title: 'GrantProgress' })),
    recordedAt: Instant,
    recordedBy: z.string(),
    confirmedAt: z.optional(Instant).check(z.meta({ description: 'When its last grant was written and it came into force.' })),
    revokedFrom: z.optional(CalendarDate),
    revocationReason: z.optional(z.string()),
    revokedAt: z.optional(Instant),
    revokedBy: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Delegation' }));

/** A power a street holds on a day, with the catalog's entry and the decisions it rests on. */
const HeldPower = z
  .object({
    code: PowerCode,
    name: z.string(),
    domain: PowerDomain,
    legalBasis: z.string(),
    fromDepartment: DepartmentSchema,
    since: CalendarDate.check(z.meta({ description: 'The start of the unbroken holding that contains the day asked.' })),
    heldUnder: z.array(
      z.object({ delegationId: Ulid, decisionRef: z.string(), effectiveOn: CalendarDate, revokedFrom: z.optional(CalendarDate) }),
    ),
  })
  .check(z.meta({ title: 'HeldPower' }));

const StreetPowers = z
  .extend(pageOf(HeldPower), { street: StreetSchema, on: CalendarDate })
  .check(z.meta({ title: 'StreetPowers' }));

/** Delegations of catalog powers to streets, and what a street holds on a date. */
export const delegationRoutes = defineRoutes({
  delegatePowers: {
    method: 'POST',
    path: '/authority/delegations',
    summary: 'Delegate powers to streets',
    description:
      'Delegate a set of catalog powers to a set of streets of one district from a date; unknown codes are 422, ' +
      'a decision document already submitted 409. The answer is 202 with the delegation `granting`: its grants are ' +
      `written in steps of at most ${GRANTS_PER_STEP} grant items by authority's own consumer, then it is \`in-force\` ` +
      '(`PowersDelegated`). Follow it with `GET /authority/delegations/{id}`; a street holds nothing of it before.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    body: z.strictObject({
      decisionRef: z.string().check(
        z.trim(),
        z.minLength(1, 'the number of the decision document is required'),
        z.maxLength(100),
      ),
      effectiveOn: CalendarDate,
      codes: z.array(PowerCode).check(z.minLength(1), z.maxLength(MAX_DELEGATION_CODES)),
      streets: z.array(StreetSchema).check(z.minLength(1), z.maxLength(MAX_DELEGATION_STREETS)),
      note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    }),
    status: 202,
    idempotent: true,
    response: DelegationView,
  },
  listDelegations: {
    method: 'GET',
    path: '/authority/delegations',
    summary: "A district's delegations",
    description: "A district's delegations, newest first, with their status (granting, in-force, revoked); default the caller's district.",
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      /** Defaults to the caller's district. */
      district: z.optional(JurisdictionSchema.check(z.refine((j) => !j.includes('/'), 'a district such as D01'))),
    }),
    status: 200,
    response: pageOf(DelegationView),
  },
  getDelegation: {
    method: 'GET',
    path: '/authority/delegations/{id}',
    summary: 'A delegation',
    description: 'One delegation: its decision, codes, streets, dates, status and how far its grants are written.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: DelegationId,
    status: 200,
    response: DelegationView,
  },
  revokeDelegation: {
    method: 'POST',
    path: '/authority/delegations/{id}/revoke',
    summary: 'Revoke a delegation',
    description:
      'Take a delegation back from a date, with the reason; its streets hold its powers up to the day before. ' +
      'From before its effective date 422; while it is still granting, or once revoked, 409.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: DelegationId,
    body: z.strictObject({
      from: CalendarDate,
      reason: z.string().check(z.trim(), z.minLength(1, 'the reason is required'), z.maxLength(4000)),
    }),
    status: 200,
    idempotent: true,
    response: DelegationView,
  },
  streetPowers: {
    method: 'GET',
    path: '/authority/streets/{street}/powers',
    summary: 'The powers a street holds',
    description:
      'What a street holds on a date (default today, China time), by code, with legal basis and since when; public. ' +
      'The street is written `D01-S03` in the path.',
    access: { public: true },
    params: z.strictObject({ street: StreetInPath }),
    query: z.extend(PageQuery, { on: z.optional(CalendarDate) }),
    status: 200,
    response: StreetPowers,
  },
});
