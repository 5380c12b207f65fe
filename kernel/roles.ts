import * as z from 'zod/mini';

/** Roles are Cognito groups (claim `cognito:groups`). DESIGN section 2. */
export const ROLES = [
  'resident',
  'community-worker',
  'street-official',
  'street-committee',
  'department',
  'organization-dept',
  'finance',
  'district-admin',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const DepartmentSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9-]{1,62}$/, 'a department slug such as market-supervision'),
    z.meta({ examples: ['market-supervision'] }),
  );

