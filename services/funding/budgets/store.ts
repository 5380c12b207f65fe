import { rangeAll } from '../../../kernel/range-page.ts';
import { putNew, type Commit, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { moveAccount } from '../ledger.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { Budget, BudgetAdjustment, BudgetApproval, Category, CategoryAccount } from './domain.ts';

/** Budgets and their category accounts. */
export class BudgetStore {
  constructor(readonly table: Store) {}

  async budget(id: string): Promise<Budget | undefined> {
    const item = await this.table.get<Stored<Budget>>(keys.budget(id));
    return item && strip(item);
  }

  async account(id: string, category: Category): Promise<CategoryAccount | undefined> {
    const item = await this.table.get<Stored<CategoryAccount>>(keys.budgetCategory(id, category));
    return item && strip(item);
  }

  async accounts(id: string): Promise<CategoryAccount[]> {
    const items = await rangeAll<Stored<CategoryAccount>>(this.table, { ...keys.budgetCategories(id), ascending: true, maxItems: 10 });
    return items.map(strip);
  }

  approvalCommit({ budget, accounts, events }: BudgetApproval): Commit {
    const conflict = `${budget.street} already has a budget for ${budget.year}; adjust it instead.`;
    return {
      writes: [
        putNew({ ...keys.budget(budget.id), itemType: 'budget', ...budget }, conflict),
        ...accounts.map((a) => putNew({ ...keys.budgetCategory(a.budgetId, a.category), itemType: 'budget-category', ...a }, conflict)),
      ],
      events,
    };
  }

  adjustmentCommit({ budgetId, category, deltaFen, events }: BudgetAdjustment): Commit {
    return {
      writes: [
        moveAccount(
          keys.budgetCategory(budgetId, category),
          {
            add: { budgetedFen: deltaFen, availableFen: deltaFen },
            covers: { availableFen: Math.max(0, -deltaFen) },
            atMost: { budgetedFen: Number.MAX_SAFE_INTEGER - Math.max(0, deltaFen) },
          },
          `${budgetId} ${category} changed meanwhile: the cut would now go below what is committed.`,
        ),
      ],
      events,
    };
  }
}

/** Commit a capital project's budget against the category: refused unless enough is left uncommitted. */
export function commitFromCategory(budgetId: string, category: Category, amountFen: number, conflict: string): Write {
  return moveAccount(
    keys.budgetCategory(budgetId, category),
    { add: { availableFen: -amountFen, committedFen: amountFen, undisbursedFen: amountFen }, covers: { availableFen: amountFen } },
    conflict,
  );
}

/** Pay out of what the category has committed: refused unless that much is committed and not yet paid. */
export function disburseFromCategory(budgetId: string, category: Category, amountFen: number, conflict: string): Write {
  return moveAccount(
    keys.budgetCategory(budgetId, category),
    { add: { undisbursedFen: -amountFen, disbursedFen: amountFen }, covers: { undisbursedFen: amountFen } },
    conflict,
  );
}
