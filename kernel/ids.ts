import * as z from 'zod/mini';
import './zod-messages.ts';

/** A ULID (`ulid` makes them): the id of every record the platform creates. */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const EXAMPLE = '01J9ZQ3K4M5N6P7Q8R9S0T1V2W';

/** A ULID as a schema, `what` naming it in a refusal ("a site id"). */
export function ulidOf(what: string) {
  return z.string().check(z.regex(ULID_PATTERN, `${what} such as ${EXAMPLE}`), z.meta({ examples: [EXAMPLE] }));
}

/** Any id the platform made. */
export const Ulid = ulidOf('an id');
