import type * as z from 'zod/mini';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { BudgetAdjusted, BudgetApproved, BudgetCategory } from '../../../contracts/funding.ts';
import { keys } from '../keys.ts';
import { safeSum } from '../money.ts';

export type Category = z.output<typeof BudgetCategory>;
export const CATEGORIES: readonly Category[] = BudgetCategory.options;

/** A street's budget for a fiscal year; its money is in one account per category. */
export interface Budget {
  id: string;
  street: string;
  year: number;
  note?: string;
  approvedAt: string;
  approvedBy: string;
}

/**
 * One category of a budget as a ledger account. `availableFen` (budgeted − committed) and
 * `undisbursedFen` (committed − disbursed) are kept beside the totals so that a transaction's
 * condition can test the balance it draws on in one comparison.
 */
export interface CategoryAccount {
  budgetId: string;
  street: string;
  year: number;
  category: Category;
  budgetedFen: number;
  committedFen: number;
  disbursedFen: number;
  availableFen: number;
  undisbursedFen: number;
}

export interface BudgetApproval {
  budget: Budget;
  accounts: CategoryAccount[];
  events: DomainEvent[];
}

export interface BudgetAdjustment {
  budgetId: string;
  category: Category;
  deltaFen: number;
  /** The adjustment as the office sees it: what, by whom, when and why. */
  record: { budgetId: string; street: string; year: number; category: Category; deltaFen: number; reason: string; adjustedAt: string; adjustedBy: string };
  events: DomainEvent[];
}

export function approveBudget(
  request: { street: string; year: number; categories: Partial<Record<Category, number>>; note?: string },
  cause: Cause,
): BudgetApproval {
  const id = keys.budgetId(request.street, request.year);
  const amounts = Object.fromEntries(CATEGORIES.map((c) => [c, request.categories[c] ?? 0])) as Record<Category, number>;
  const totalFen = safeSum(Object.values(amounts));
  if (totalFen === undefined) throw new UnprocessableError('The budget’s total is past 2^53 − 1 fen.', [{ field: 'body.categories', message: 'total too large' }]);
  const budget: Budget = {
    id,
    street: request.street,
    year: request.year,
    ...(request.note ? { note: request.note } : {}),
    approvedAt: cause.now,
    approvedBy: cause.actor.sub,
  };
  const accounts = CATEGORIES.map((category) => ({
    budgetId: id,
    street: request.street,
    year: request.year,
    category,
    budgetedFen: amounts[category],
    committedFen: 0,
    disbursedFen: 0,
    availableFen: amounts[category],
    undisbursedFen: 0,
  }));
  const event = newEvent(
    BudgetApproved,
    keys.budget(id).pk,
    { budgetId: id, street: request.street, year: request.year, categories: amounts, totalFen },
    cause,
  );
  return { budget, accounts, events: [event] };
}

/**
 * A signed change to one category, with its reason. A cut may not take the category below what is
 * already committed (409); the store's condition says the same inside the transaction.
 */
export function adjustBudget(
  budget: Budget,
  account: CategoryAccount,
  adjustment: { category: Category; deltaFen: number; reason: string },
  cause: Cause,
): BudgetAdjustment {
  const { deltaFen } = adjustment;
  if (account.availableFen + deltaFen < 0) {
    throw new ConflictError(
      `${budget.id} ${adjustment.category}: a cut of ${-deltaFen} fen would leave ${account.budgetedFen + deltaFen} fen budgeted, below the ${account.committedFen} fen already committed.`,
    );
  }
  if (!Number.isSafeInteger(account.budgetedFen + deltaFen)) {
    throw new UnprocessableError(`${budget.id} ${adjustment.category} would pass 2^53 − 1 fen.`, [{ field: 'body.deltaFen', message: 'too large' }]);
  }
  const data = { budgetId: budget.id, street: budget.street, year: budget.year, category: adjustment.category, deltaFen, reason: adjustment.reason };
  return {
    budgetId: budget.id,
    category: adjustment.category,
    deltaFen,
    record: { ...data, adjustedAt: cause.now, adjustedBy: cause.actor.sub },
    events: [newEvent(BudgetAdjusted, keys.budget(budget.id).pk, data, cause)],
  };
}

/** What a reader sees of a category: budgeted, committed, disbursed, and what remains to commit. */
export function categoryView(account: Pick<CategoryAccount, 'budgetedFen' | 'committedFen' | 'disbursedFen' | 'availableFen'>) {
  return {
    budgetedFen: account.budgetedFen,
    committedFen: account.committedFen,
    disbursedFen: account.disbursedFen,
    remainingFen: account.availableFen,
  };
}

export type CategoryView = ReturnType<typeof categoryView>;

/** A budget with every category and the totals over them (each total is the sum of its parts). */
export function budgetView(budget: Budget, accounts: readonly CategoryAccount[]) {
  const categories = Object.fromEntries(
    CATEGORIES.map((category) => {
      const account = accounts.find((a) => a.category === category);
      return [category, categoryView(account ?? { budgetedFen: 0, committedFen: 0, disbursedFen: 0, availableFen: 0 })];
    }),
  ) as Record<Category, CategoryView>;
  const sum = (field: keyof CategoryView) => CATEGORIES.reduce((total, c) => total + categories[c][field], 0);
  return {
    ...budget,
    categories,
    totals: {
      budgetedFen: sum('budgetedFen'),
      committedFen: sum('committedFen'),
      disbursedFen: sum('disbursedFen'),
      remainingFen: sum('remainingFen'),
    },
  };
}
