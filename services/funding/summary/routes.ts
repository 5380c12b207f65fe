import * as z from 'zod/mini';
import { defineRoutes, PageQuery } from '../../../kernel/routes.ts';
import { YearQuery } from '../vocabulary.ts';

/** A street in a path: `D01-S03` (API Gateway decodes %2F before it matches routes). */
const StreetParam = z.strictObject({
  street: z.pipe(
    z.string().check(z.regex(/^D\d{2}-S\d{2}$/, 'a street such as D01-S03')),
    z.transform((s) => s.replace('-', '/')),
  ),
});

/** What a street has, spent and has left in a fiscal year. */
export const summaryRoutes = defineRoutes({
  streetSummary: {
    method: 'GET',
    path: '/funding/streets/{street}/summary',
    summary: "Per budget category budgeted, committed, disbursed and remaining, with totals; the street's pools (paged) and their remainders.",
    access: { roles: ['street-official', 'finance'], jurisdiction: 'subject' },
    params: StreetParam,
    /** `year` defaults to the current year in China time; `limit` and `cursor` page the pools. */
    query: z.extend(PageQuery, { year: z.optional(YearQuery) }),
    status: 200,
  },
});
