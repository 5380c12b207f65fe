import { budgetView, type Budget, type CategoryAccount } from '../budgets/domain.ts';
import type { Pool } from '../pools/domain.ts';

/** The fiscal year (the calendar year in China time, UTC+8) an instant falls in. */
export function fiscalYearAt(now: string): number {
  return new Date(Date.parse(now) + 8 * 3600_000).getUTCFullYear();
}

export function poolLine(pool: Pool) {
  return {
    id: pool.id,
    name: pool.name,
    totalFen: pool.totalFen,
    allocatedFen: pool.allocatedFen,
    remainingFen: pool.remainingFen,
    disbursedFen: pool.disbursedFen,
    allocations: pool.allocations,
  };
}

/** A street's year: the budget by category with totals (null before one is approved), and its pools. */
export function streetSummary(
  street: string,
  year: number,
  budget: { budget: Budget; accounts: CategoryAccount[] } | undefined,
  pools: { items: Pool[]; cursor?: string },
) {
  const view = budget && budgetView(budget.budget, budget.accounts);
  return {
    street,
    year,
    budget: view ? { id: view.id, categories: view.categories, totals: view.totals } : null,
    pools: { items: pools.items.map(poolLine), ...(pools.cursor ? { cursor: pools.cursor } : {}) },
  };
}
