import * as z from 'zod/mini';
import { Ulid } from '../../kernel/ids.ts';

/** The words of funding's API that are not money (money.ts). */
export const Year = z.number().check(z.int(), z.gte(2000), z.lte(2100));
/** A fiscal year in a query string. */
export const YearQuery = z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100));
/** Why: required wherever money moves on a decision rather than a document. */
export const Reason = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(2000));
export const Text = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(500));
export const IdParam = z.strictObject({ id: Ulid });
/** A budget's id: its street and fiscal year, `D01-S03-2026`. */
export const BudgetIdSchema = z.string().check(z.regex(/^D\d{2}-S\d{2}-\d{4}$/, 'a budget id such as D01-S03-2026'));
