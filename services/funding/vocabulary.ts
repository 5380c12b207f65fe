import * as z from 'zod/mini';
import { JurisdictionSchema } from '../../kernel/roles.ts';

/** The words of funding's API that are not money (money.ts). */
export const Year = z.number().check(z.int(), z.gte(2000), z.lte(2100));
/** A fiscal year in a query string. */
export const YearQuery = z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100));
/** Why: required wherever money moves on a decision rather than a document. */
export const Reason = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(2000));
export const Text = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(500));
export const Community = JurisdictionSchema.check(z.refine((j) => j.split('/').length === 3, 'a community such as D01/S03/C07'));
/** The ids funding makes (ULIDs), in paths and bodies. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an id as funding returns it'));
export const IdParam = z.strictObject({ id: Ulid });
