import type { Cause } from '../../kernel/events.ts';
import type { CategoryAccount } from './budgets/domain.ts';
import type { Pool } from './pools/domain.ts';

/** Fixtures for funding's domain tests: plain records in a known state. (Test code; nothing in the service imports it.) */
export const causeAt = (now = '2026-03-02T02:00:00.000Z', sub = 'finance-d01', roles = ['finance'], jurisdiction = 'D01'): Cause => ({
  correlationId: 'corr-test',
  now,
  actor: { sub, roles, jurisdiction },
});

export const pool = (overrides: Partial<Pool> = {}): Pool => ({
  id: '01JPOOL0000000000000000001',
  street: 'D01/S03',
  year: 2026,
  name: 'Community services 2026',
  lines: [{ program: 'Elderly care', department: 'civil-affairs', amountFen: 1_000_000 }],
  totalFen: 1_000_000,
  allocatedFen: 0,
  remainingFen: 1_000_000,
  disbursedFen: 0,
  allocations: 0,
  createdAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'finance-d01',
  ...overrides,
});

export const account = (overrides: Partial<CategoryAccount> = {}): CategoryAccount => ({
  budgetId: 'D01-S03-2026',
  street: 'D01/S03',
  year: 2026,
  category: 'capital-projects',
  budgetedFen: 5_000_000,
  committedFen: 0,
  disbursedFen: 0,
  availableFen: 5_000_000,
  undisbursedFen: 0,
  ...overrides,
});
