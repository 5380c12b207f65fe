import * as z from 'zod/mini';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { BudgetCategory } from '../../../contracts/funding.ts';
import { Fen } from '../money.ts';
import { BudgetIdSchema } from '../vocabulary.ts';

/** One category of a budget, or the totals over all four: each total is the sum of its categories. */
export const CategoryFigures = z
  .object({
    budgetedFen: Fen,
    committedFen: Fen,
    disbursedFen: Fen,
    remainingFen: Fen.check(z.meta({ description: 'Budgeted and not yet committed.' })),
  })
  .check(z.meta({ title: 'CategoryFigures' }));

/** A street's budget for a fiscal year: every category (one never budgeted shows 0) and the totals. */
export const BudgetSchema = z
  .object({
    id: BudgetIdSchema,
    street: StreetSchema,
    year: z.number().check(z.int()),
    note: z.optional(z.string()),
    approvedAt: z.iso.datetime(),
    approvedBy: z.string().check(z.meta({ description: 'The `sub` of the finance officer who approved it.' })),
    categories: z.object({
      personnel: CategoryFigures,
      operations: CategoryFigures,
      'resident-services': CategoryFigures,
      'capital-projects': CategoryFigures,
    }),
    totals: CategoryFigures,
  })
  .check(z.meta({ title: 'Budget' }));

/** One signed change to one category of a budget: what, by whom, when and why. */
export const BudgetAdjustmentSchema = z
  .object({
    budgetId: BudgetIdSchema,
    street: StreetSchema,
    year: z.number().check(z.int()),
    category: BudgetCategory,
    deltaFen: z
      .number()
      .check(z.int(), z.gte(-Number.MAX_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER), z.meta({ description: 'Signed: a cut is negative.' })),
    reason: z.string(),
    adjustedAt: z.iso.datetime(),
    adjustedBy: z.string(),
  })
  .check(z.meta({ title: 'BudgetAdjustment' }));
