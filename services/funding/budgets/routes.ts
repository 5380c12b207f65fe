import * as z from 'zod/mini';
import { defineRoutes } from '../../../kernel/routes.ts';
import { StreetSchema } from '../../../kernel/roles.ts';
import { BudgetCategory } from '../events.ts';
import { FenAmount, SignedFen } from '../money.ts';
import { Reason, Year } from '../vocabulary.ts';

export const BudgetId = z.strictObject({
  id: z.string().check(z.regex(/^D\d{2}-S\d{2}-\d{4}$/, 'a budget id such as D01-S03-2026')),
});

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
    summary: "A street's budget for a fiscal year, by category (a category left out is budgeted at 0); one per street and year.",
    access: { roles: ['finance'], jurisdiction: 'subject' },
    body: z.strictObject({
      street: StreetSchema,
      year: Year,
      categories: Categories,
      note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
    }),
    status: 201,
    idempotent: true,
  },
  adjustBudget: {
    method: 'POST',
    path: '/funding/budgets/{id}/adjustments',
    summary: 'A signed adjustment to one category, with its reason; never below what is already committed.',
    access: { roles: ['finance'], jurisdiction: 'subject' },
    params: BudgetId,
    body: z.strictObject({ category: BudgetCategory, deltaFen: SignedFen, reason: Reason }),
    status: 200,
    idempotent: true,
  },
});
