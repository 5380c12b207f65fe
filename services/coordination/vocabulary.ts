import * as z from 'zod/mini';
import { StreetSchema } from '../../kernel/roles.ts';

/** The words of coordination shared by routes, domain and store. */

/** A ULID, the ids of every coordination aggregate. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an id such as 01J9ZQ3K4M5N6P7Q8R9S0T1V2W'));
export const IdParam = z.strictObject({ id: Ulid });

export const CommunitySchema = z.string().check(z.regex(/^D\d{2}\/S\d{2}\/C\d{2}$/, 'a community such as D01/S03/C07'));
export const DistrictSchema = z.string().check(z.regex(/^D\d{2}$/, 'a district such as D01'));

/** A street in a path: `D01-S03` or `D01%2FS03` (a bare slash would be another path segment). */
export const StreetInPath = z.pipe(
  z.pipe(z.string(), z.transform((value) => value.replace(/^(D\d{2})-(S\d{2})$/, '$1/$2'))),
  StreetSchema,
);

/** A community in a path: `D01-S03-C07` or encoded slashes. */
export const CommunityInPath = z.pipe(
  z.pipe(z.string(), z.transform((value) => value.replace(/^(D\d{2})-(S\d{2})-(C\d{2})$/, '$1/$2/$3'))),
  CommunitySchema,
);

/** An issue's overall status, and a department's own status on it: report in, then resolve. */
export const IssueStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type IssueStatus = z.output<typeof IssueStatus>;

export const streetOf = (jurisdiction: string) => jurisdiction.split('/').slice(0, 2).join('/');
