import * as z from 'zod/mini';
import { StreetInPath, StreetSchema } from '../../../kernel/jurisdiction.ts';

import { defineRoutes, PageQuery, pageOf } from '../../../kernel/routes.ts';
import { BudgetSchema } from '../budgets/schemas.ts';
import { PoolSchema } from '../pools/schemas.ts';
import { YearQuery } from '../vocabulary.ts';

/** A street's year: a page of its pools, with its budget (null before one is approved) beside them. */
export const StreetSummarySchema = z
  .extend(pageOf(PoolSchema), {
    street: StreetSchema,
    year: z.number().check(z.int()),
    budget: z.nullable(BudgetSchema),
  })
  .check(z.meta({ title: 'StreetSummary' }));

/** What a street has, spent and has left in a fiscal year. */
export const summaryRoutes = defineRoutes({
  streetSummary: {
    method: 'GET',
    path: '/funding/streets/{street}/summary',
    summary: "Get a street's money for a fiscal year",
    description:
      "The street's budget for the year, per category budgeted, committed, disbursed and remaining, with totals (`budget` is null before one is approved); and its pools with their remainders, oldest first, as the page's `items` (`limit` and `cursor` page them). `year` defaults to the current year in China time. The street is written `D01-S03` in the path.",
    access: { roles: ['street-official', 'finance'], jurisdiction: 'subject' },
    params: z.strictObject({ street: StreetInPath }),
    query: z.extend(PageQuery, { year: z.optional(YearQuery) }),
    status: 200,
    response: StreetSummarySchema,
  },
});
