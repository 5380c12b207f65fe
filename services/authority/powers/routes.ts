import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { DepartmentSchema } from '../../../kernel/roles.ts';
import { PowerDomain } from '../events.ts';

/** Codes are compared in capitals: `cm-0012` and `CM-0012` are one power. */
export const PowerCode = z
  .string()
  .check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'a power code such as CM-0012: letters, digits, . _ - (at most 40)'),
  );

/** The catalog of district powers that may be delegated to streets. */
export const powerRoutes = defineRoutes({
  addPower: {
    method: 'POST',
    path: '/authority/powers',
    summary: 'Enter a power in the catalog (district offices); a code already in it is 409.',
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
  },
  listPowers: {
    method: 'GET',
    path: '/authority/powers',
    summary: 'The catalog by code, optionally of one domain; public.',
    access: { public: true },
    query: z.extend(PageQuery, { domain: z.optional(PowerDomain) }),
    status: 200,
  },
  getPower: {
    method: 'GET',
    path: '/authority/powers/{code}',
    summary: 'One catalog entry; public.',
    access: { public: true },
    params: z.strictObject({ code: PowerCode }),
    status: 200,
  },
});
