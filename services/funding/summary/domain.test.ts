import { describe, expect, it } from 'vitest';
import { approveBudget } from '../budgets/domain.ts';
import { causeAt, pool } from '../testing.ts';
import { fiscalYearAt, streetSummary } from './domain.ts';

describe('the street summary', () => {
  it('the fiscal year turns at midnight China time, not UTC', () => {
    expect(fiscalYearAt('2026-12-31T15:59:59.999Z')).toBe(2026);
    expect(fiscalYearAt('2026-12-31T16:00:00.000Z')).toBe(2027);
  });

  it('before a budget is approved the budget is null; pools still show their remainders', () => {
    const summary = streetSummary('D01/S03', 2026, undefined, { items: [pool({ allocatedFen: 300, remainingFen: 999_700 })] });

    expect(summary.budget).toBeNull();
    expect(summary.items[0]).toMatchObject({ totalFen: 1_000_000, allocatedFen: 300, remainingFen: 999_700 });
  });

  it('the budget shows every category and totals that are their sums', () => {
    const { budget, accounts } = approveBudget({ street: 'D01/S03', year: 2026, categories: { operations: 40, 'capital-projects': 60 } }, causeAt());

    const summary = streetSummary('D01/S03', 2026, { budget, accounts }, { items: [] });

    expect(Object.keys(summary.budget!.categories)).toEqual(['personnel', 'operations', 'resident-services', 'capital-projects']);
    expect(summary.budget!.totals).toEqual({ budgetedFen: 100, committedFen: 0, disbursedFen: 0, remainingFen: 100 });
  });
});
