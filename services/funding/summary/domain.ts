import { chinaYear } from '../../../kernel/calendar.ts';
import { budgetView, type Budget, type CategoryAccount } from '../budgets/domain.ts';
import type { Pool } from '../pools/domain.ts';

/** The fiscal year (the calendar year in China time, UTC+8) an instant falls in. */
export const fiscalYearAt = chinaYear;

/**
 * A street's year: a page of its pools (each as `GET /funding/pools/{id}` shows it), with the budget
 * beside them, every category with totals (null before one is approved).
 */
export function streetSummary(
  street: string,
  year: number,
  budget: { budget: Budget; accounts: CategoryAccount[] } | undefined,
  pools: { items: Pool[]; cursor?: string },
) {
  return {
    street,
    year,
    budget: budget ? budgetView(budget.budget, budget.accounts) : null,
    items: pools.items,
    ...(pools.cursor ? { cursor: pools.cursor } : {}),
  };
}
