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

/** A jurisdiction path: district, street-or-town, community-or-village. `D01`, `D01/S03`, `D01/S03/C07`. */
export const JurisdictionSchema = z
  .string()
  .check(
    z.regex(/^D\d{2}(\/S\d{2}(\/C\d{2})?)?$/, 'a jurisdiction such as D01, D01/S03 or D01/S03/C07'),
    z.meta({ examples: ['D01/S03', 'D01/S03/C07', 'D01'] }),
  );
export const StreetSchema = z
  .string()
  .check(z.regex(/^D\d{2}\/S\d{2}$/, 'a street such as D01/S03'), z.meta({ examples: ['D01/S03'] }));
export const DepartmentSchema = z
  .string()
  .check(
    z.regex(/^[a-z][a-z0-9-]{1,62}$/, 'a department slug such as market-supervision'),
    z.meta({ examples: ['market-supervision'] }),
  );

/** True when `scope` (the caller's jurisdiction) contains `target`: D01 covers D01/S03 and D01/S03/C07. */
export function covers(scope: string, target: string): boolean {
  return target === scope || target.startsWith(`${scope}/`);
}

export function districtOf(jurisdiction: string): string {
  return jurisdiction.split('/')[0]!;
}
