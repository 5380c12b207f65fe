import { NotFoundError } from '../../../kernel/errors.ts';
import type { RouteHandlers } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { adjustBudget, approveBudget, budgetView } from './domain.ts';
import type { budgetRoutes } from './routes.ts';
import { BudgetStore } from './store.ts';

export function budgetHandlers(table: Store): RouteHandlers<typeof budgetRoutes> {
  const budgets = new BudgetStore(table);
  return {
    async approveBudget({ body, ctx }) {
      ctx.authorize({ jurisdiction: body.street });
      const approval = approveBudget(body, ctx.cause);
      return ctx.commit(budgets.approvalCommit(approval), { statusCode: 201, body: budgetView(approval.budget, approval.accounts) });
    },

    async adjustBudget({ params, body, ctx }) {
      const budget = await budgets.budget(params.id);
      if (!budget) throw new NotFoundError(`No budget ${params.id}.`);
      ctx.authorize({ jurisdiction: budget.street });
      const account = await budgets.account(budget.id, body.category);
      if (!account) throw new Error(`budget ${budget.id} has no ${body.category} account`);
      const adjustment = adjustBudget(budget, account, body, ctx.cause);
      return ctx.commit(budgets.adjustmentCommit(adjustment), { statusCode: 200, body: adjustment.record });
    },
  };
}
