import * as z from 'zod/mini';
import { Ulid } from '../../kernel/ids.ts';

/**
 * The words of coordination shared by routes, domain and store. Places (streets and communities, in
 * paths too) are the kernel's: kernel/roles.ts and kernel/jurisdiction.ts.
 */

export const IdParam = z.strictObject({ id: Ulid });

/** An instant as the service answers it: UTC, ISO 8601 with milliseconds. */
export const Instant = z.iso.datetime();

/** The `sub` of whoever did something: a token's subject. */
export const Sub = z.string().check(z.meta({ description: 'The `sub` (subject) claim of the caller who did it.' }));

/** The revision of a record: 1 when created, one more with each change. */
export const Revision = z.number().check(
  z.int(),
  z.positive(),
  z.meta({ description: 'The revision of the record: 1 when it was created, one more with each change.' }),
);

/** An issue's overall status, and a department's own status on it: report in, then resolve. */
export const IssueStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type IssueStatus = z.output<typeof IssueStatus>;
