/**
 * Key builders of the funding table: every key the service reads or writes is made here.
 *
 * The ledger is a set of accounts, each one item whose counters move only by ADD inside a
 * transaction, under a condition that the balance being drawn on covers the draw:
 * - a budget category (`BUDGET#<id>` / `CATEGORY#<category>`): budgeted, committed, disbursed, and
 *   the two balances `availableFen` (budgeted − committed) and `undisbursedFen` (committed − disbursed);
 * - a pool (`POOL#<id>`): total, allocated, `remainingFen` (total − allocated), disbursed;
 * - an allocation (`ALLOCATION#<id>`): amount, disbursed, `undisbursedFen`.
 * History items (the audit trail and the outbox) live in the partition of the account they change.
 */
export const keys = {
  /** One budget per street and year: its id says which, so creating a second is a failed putNew. */
  budgetId: (street: string, year: number) => `${street.replace('/', '-')}-${year}`,
  budget: (id: string) => ({ pk: `BUDGET#${id}`, sk: 'STATE' }),
  budgetCategory: (id: string, category: string) => ({ pk: `BUDGET#${id}`, sk: `CATEGORY#${category}` }),
  budgetCategories: (id: string) => ({ partition: `BUDGET#${id}`, prefix: 'CATEGORY#' }),

  pool: (id: string) => ({ pk: `POOL#${id}`, sk: 'STATE' }),
  /** gsi1: a street's pools of a fiscal year, oldest first. */
  poolsOfStreet: (street: string, year: number) => `POOLS#${street}#${year}`,

  allocation: (id: string) => ({ pk: `ALLOCATION#${id}`, sk: 'STATE' }),
  /** A payment against an allocation, keyed by its voucher: the same voucher paid twice is a 409. */
  disbursement: (allocationId: string, voucherRef: string) => ({ pk: `ALLOCATION#${allocationId}`, sk: `VOUCHER#${voucherRef}` }),

  project: (id: string) => ({ pk: `PROJECT#${id}`, sk: 'STATE' }),

  request: (id: string) => ({ pk: `REQUEST#${id}`, sk: 'STATE' }),
  /** One request per asking decision or remediation plan, whatever event ids it came under. */
  requestOrigin: (kind: string, ref: string) => ({ pk: `REQUEST-ORIGIN#${kind}#${ref}`, sk: 'ORIGIN' }),
  /** gsi1: a district's requests by status, oldest first. */
  requestsOfDistrict: (district: string, status: string) => `REQUESTS#${district}#${status}`,
};
