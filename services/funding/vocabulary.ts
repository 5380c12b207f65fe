import * as z from 'zod';
import { JurisdictionSchema } from '../../kernel/roles.ts';

/** The words of funding's API that are not money (money.ts). */
export const Year = z.number().int().min(2000).max(2100);
/** A fiscal year in a query string. */
export const YearQuery = z.coerce.number().int().min(2000).max(2100);
/** Why: required wherever money moves on a decision rather than a document. */
export const Reason = z.string().trim().min(1, 'required').max(2000);
export const Text = z.string().trim().min(1, 'required').max(500);
export const Community = JurisdictionSchema.refine((j) => j.split('/').length === 3, 'a community such as D01/S03/C07');
/** The ids funding makes (ULIDs), in paths and bodies. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an id as funding returns it');
export const IdParam = z.strictObject({ id: Ulid });
