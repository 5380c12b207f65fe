import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { JurisdictionSchema, StreetSchema } from '../../../kernel/roles.ts';
import { PowerCode } from '../powers/routes.ts';
import { MAX_DELEGATION_CODES, MAX_DELEGATION_STREETS } from './domain.ts';

const DelegationId = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a delegation id')) });
const CalendarDate = z.iso.date('a date such as 2025-07-01');

/**
 * A street in a path: `D01-S03`. API Gateway decodes `%2F` before it matches routes, so a street's
 * own `/` cannot travel in one path segment; `-` stands for it (and `D01%2FS03` still works locally).
 */
const StreetInPath = z.pipe(
  z.transform((value: unknown) => (typeof value === 'string' ? value.replace(/^(D\d{2})-(S\d{2})$/, '$1/$2') : value)),
  StreetSchema,
);

/** Delegations of catalog powers to streets, and what a street holds on a date. */
export const delegationRoutes = defineRoutes({
  delegatePowers: {
    method: 'POST',
    path: '/authority/delegations',
    summary: 'Delegate a set of catalog powers to a set of streets of one district from a date; unknown codes are 422.',
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
    status: 201,
    idempotent: true,
  },
  listDelegations: {
    method: 'GET',
    path: '/authority/delegations',
    summary: "A district's delegations, newest first, with their status (recording, in-force, revoked).",
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    query: z.extend(PageQuery, {
      /** Defaults to the caller's district. */
      district: z.optional(JurisdictionSchema.check(z.refine((j) => !j.includes('/'), 'a district such as D01'))),
    }),
    status: 200,
  },
  getDelegation: {
    method: 'GET',
    path: '/authority/delegations/{id}',
    summary: 'One delegation: its decision, codes, streets, dates and status.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: DelegationId,
    status: 200,
  },
  revokeDelegation: {
    method: 'POST',
    path: '/authority/delegations/{id}/revoke',
    summary: 'Take a delegation back from a date, with the reason; its streets hold its powers up to the day before.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    params: DelegationId,
    body: z.strictObject({
      from: CalendarDate,
      reason: z.string().check(z.trim(), z.minLength(1, 'the reason is required'), z.maxLength(4000)),
    }),
    status: 200,
    idempotent: true,
  },
  streetPowers: {
    method: 'GET',
    path: '/authority/streets/{street}/powers',
    summary: 'What a street holds on a date (default today), by code, with legal basis and since when; public.',
    access: { public: true },
    params: z.strictObject({ street: StreetInPath }),
    query: z.extend(PageQuery, { on: z.optional(CalendarDate) }),
    status: 200,
  },
});
