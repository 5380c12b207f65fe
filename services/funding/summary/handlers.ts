import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { BudgetStore } from '../budgets/store.ts';
import { keys } from '../keys.ts';
import { PoolStore } from '../pools/store.ts';
import { fiscalYearAt, streetSummary } from './domain.ts';
import type { summaryRoutes } from './routes.ts';

export function summaryHandlers(table: Store): RouteHandlers<typeof summaryRoutes> {
  const budgets = new BudgetStore(table);
  const pools = new PoolStore(table);
  return {
    async streetSummary({ params, query, ctx }) {
      ctx.authorize({ jurisdiction: params.street });
      const year = query.year ?? fiscalYearAt(ctx.cause.now);
      const id = keys.budgetId(params.street, year);
      const [budget, accounts, page] = await Promise.all([
        budgets.budget(id),
        budgets.accounts(id),
        pools.poolsOfStreet(params.street, year, query),
      ]);
      return { statusCode: 200, body: streetSummary(params.street, year, budget && { budget, accounts }, page) };
    },
  };
}
