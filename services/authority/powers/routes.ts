import * as z from 'zod/mini';
import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { DistrictSchema } from '../../../kernel/jurisdiction.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { PowerDomain } from '../../../contracts/authority.ts';

/**
 * A power code exactly as the catalog publishes it: capital letters, digits, `.`, `_`, `-`. A code
 * written otherwise (`cm-0012`) is refused, not quietly rewritten, so what a client sends is what
 * the catalog holds and the pattern documents.
 */
export const PowerCode = z
  .string()
  .check(
    z.regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'a power code such as CM-0012: capital letters, digits, . _ - (at most 40)'),
    z.meta({ examples: ['CM-0012'] }),
  );

/** A catalog entry. */
export const PowerView = z
  .object({
    code: PowerCode,
    name: z.string(),
    domain: PowerDomain,
    legalBasis: z.string(),
    fromDepartment: DepartmentSchema,
    catalogedAt: z.iso.datetime(),
    catalogedBy: z.string(),
    catalogedByDistrict: DistrictSchema,
  })
  .check(z.meta({ title: 'Power' }));

/** The catalog of district powers that may be delegated to streets. */
export const powerRoutes = defineRoutes({
  addPower: {
    method: 'POST',
    path: '/authority/powers',
    summary: 'Enter a power in the catalog',
    description: 'Enter a power in the catalog (district offices); a code already in it is 409, a code not in capitals 400.',
    access: { roles: ['district-admin'], jurisdiction: 'subject' },
    body: z.strictObject({
      code: PowerCode,
      name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      domain: PowerDomain,
      legalBasis: z.string().check(z.trim(), z.minLength(1, 'the legal basis is required'), z.maxLength(1000)),
      fromDepartment: DepartmentSchema,
    }),
    status: 201,
    idempotent: true,
    response: PowerView,
  },
  listPowers: {
    method: 'GET',
    path: '/authority/powers',
    summary: 'The power catalog',
    description: 'The catalog by code, optionally of one domain; public.',
    access: { public: true },
    query: z.extend(PageQuery, { domain: z.optional(PowerDomain) }),
    status: 200,
    response: pageOf(PowerView),
  },
  getPower: {
    method: 'GET',
    path: '/authority/powers/{code}',
    summary: 'A catalog entry',
    description: 'One catalog entry; public.',
    access: { public: true },
    params: z.strictObject({ code: PowerCode }),
    status: 200,
    response: PowerView,
  },
});
