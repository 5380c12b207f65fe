import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/jurisdiction.ts';
import { BudgetCategory } from '../../../contracts/funding.ts';
import { FenAmount, SignedFen } from '../money.ts';
import { BudgetIdSchema, Reason, Year } from '../vocabulary.ts';
import { BudgetAdjustmentSchema, BudgetSchema } from './schemas.ts';

export const BudgetId = z.strictObject({ id: BudgetIdSchema });

const Categories = z
  .strictObject({
    personnel: z.optional(FenAmount),
    operations: z.optional(FenAmount),
    'resident-services': z.optional(FenAmount),
    'capital-projects': z.optional(FenAmount),
  })
  .check(z.refine((c) => Object.values(c).some((amount) => amount !== undefined), 'at least one category'));

/** Street budgets per fiscal year, by category. */
export const budgetRoutes = defineRoutes({
  approveBudget: {
    method: 'POST',
    path: '/funding/budgets',
    summary: "Approve a street's budget for a fiscal year",
    description:
      "A street's budget for a fiscal year, by category (`personnel`, `operations`, `resident-services`, `capital-projects`); a category left out is budgeted at 0. One budget per street and year: a second is 409. Its id is the street and year, `D01-S03-2026`. → `BudgetApproved`.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    body: z.strictObject({
      street: StreetSchema,
      year: Year,
      categories: Categories,
      note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    }),
    status: 201,
    idempotent: true,
    response: BudgetSchema,
  },
  adjustBudget: {
    method: 'POST',
    path: '/funding/budgets/{id}/adjustments',
    summary: 'Adjust one category of a budget',
    description:
      'A signed adjustment (`deltaFen`) to one category, with its reason. A cut may not take the category below what is already committed: 409. Answers the adjustment as recorded. → `BudgetAdjusted`.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: BudgetId,
    body: z.strictObject({ category: BudgetCategory, deltaFen: SignedFen, reason: Reason }),
    status: 200,
    idempotent: true,
    response: BudgetAdjustmentSchema,
  },
});
