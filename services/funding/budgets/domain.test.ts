import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../kernel/errors.ts';
import { account, causeAt } from '../testing.ts';
import { adjustBudget, approveBudget, budgetView } from './domain.ts';

const approved = () => approveBudget({ street: 'D01/S03', year: 2026, categories: { personnel: 300, 'capital-projects': 700 } }, causeAt());

describe('approving a street budget', () => {
  it('the budget id names the street and year, so a second one for them is the same key', () => {
    expect(approved().budget.id).toBe('D01-S03-2026');
  });

  it('every category gets an account; one left out is budgeted at 0', () => {
    const { accounts } = approved();

    expect(accounts.map((a) => [a.category, a.budgetedFen, a.availableFen])).toEqual([
      ['personnel', 300, 300],
      ['operations', 0, 0],
      ['resident-services', 0, 0],
      ['capital-projects', 700, 700],
    ]);
  });

  it('BudgetApproved carries all four categories and their total', () => {
    const [event] = approved().events;

    expect(event!.detailType).toBe('BudgetApproved');
    expect(event!.detail.data).toEqual({
      budgetId: 'D01-S03-2026',
      street: 'D01/S03',
      year: 2026,
      categories: { personnel: 300, operations: 0, 'resident-services': 0, 'capital-projects': 700 },
      totalFen: 1000,
    });
  });

  it('a view adds up: each total is the sum of its categories', () => {
    const { budget, accounts } = approved();
    const view = budgetView(budget, accounts.map((a) => (a.category === 'capital-projects' ? { ...a, committedFen: 200, availableFen: 500, disbursedFen: 50 } : a)));

    expect(view.totals).toEqual({ budgetedFen: 1000, committedFen: 200, disbursedFen: 50, remainingFen: 800 });
  });
});

describe('adjusting a category', () => {
  const budget = approved().budget;

  it('records the signed change, who made it, when and why', () => {
    const { record, events } = adjustBudget(budget, account(), { category: 'capital-projects', deltaFen: -1000, reason: 'Mid-year review' }, causeAt());

    expect(record).toMatchObject({ deltaFen: -1000, reason: 'Mid-year review', adjustedBy: 'finance-d01', adjustedAt: '2026-03-02T02:00:00.000Z' });
    expect(events[0]!.detail.data).toMatchObject({ category: 'capital-projects', deltaFen: -1000 });
  });

  it('a cut to exactly what is committed is allowed', () => {
    const committed = account({ budgetedFen: 1000, committedFen: 600, availableFen: 400 });

    expect(() => adjustBudget(budget, committed, { category: 'capital-projects', deltaFen: -400, reason: 'x' }, causeAt())).not.toThrow();
  });

  it('a cut below what is already committed is 409', () => {
    const committed = account({ budgetedFen: 1000, committedFen: 600, availableFen: 400 });

    expect(() => adjustBudget(budget, committed, { category: 'capital-projects', deltaFen: -401, reason: 'x' }, causeAt())).toThrow(ConflictError);
  });
});
