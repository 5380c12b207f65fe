import { BadRequestError } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/auth.ts';
import { StreetSchema } from '../../kernel/jurisdiction.ts';

/**
 * The street a list is about: the one asked for, or else the caller's own. A caller above street
 * level (a district office) has to name it.
 */
export function streetToList(asked: string | undefined, principal: Principal): string {
  const street = asked ?? principal.jurisdiction;
  if (!StreetSchema.safeParse(street).success) {
    throw new BadRequestError('Name the street to list (your jurisdiction is not a single street).', [
      { field: 'query.street', message: 'required for callers above street level' },
    ]);
  }
  return street;
}

/** The street a committee speaks for: the one named, or else its own. */
export function streetSpokenFor(named: string | undefined, principal: Principal): string {
  const street = named ?? principal.jurisdiction;
  if (!StreetSchema.safeParse(street).success) {
    throw new BadRequestError('Name the street you speak for (your jurisdiction is not a single street).', [
      { field: 'body.street', message: 'required for callers above street level' },
    ]);
  }
  return street;
}
