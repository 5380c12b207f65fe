import { BadRequestError } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/auth.ts';
import { StreetSchema } from '../../kernel/jurisdiction.ts';

/**
 * The street a list is about: the one asked for, else the caller's own. A caller above street level
 * (the organization department of a district) has to name it; with `districtWide` a district-level
 * caller lists its whole district instead.
 */
export function listScope(
  asked: string | undefined,
  principal: Principal,
  options: { districtWide?: boolean } = {},
): string {
  if (asked) return asked;
  const own = principal.jurisdiction;
  if (StreetSchema.safeParse(own).success) return own;
  if (options.districtWide && /^D\d{2}$/.test(own)) return own;
  throw new BadRequestError('Name the street to list (your jurisdiction is not a single street).', [
    { field: 'query.street', message: 'required for callers above street level' },
  ]);
}
