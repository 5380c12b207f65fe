import { settingsFrom } from '../../kernel/config.ts';
import { OpenDataBucket, type Dataset } from '../../kernel/open-data.ts';
import { openDataSettings } from '../../kernel/open-data-settings.ts';
import { DISTRICTS } from '../../kernel/places.ts';
import { rangeAll } from '../../kernel/range-page.ts';
import type { Item, Store } from '../../kernel/store.ts';
import type { CategoryAccount } from './budgets/domain.ts';
import { keys } from './keys.ts';
import type { Pool } from './pools/domain.ts';

/** The fiscal years published: the current one (China time) and the one before. */
const yearsOf = (now: string) => {
  const year = new Date(Date.parse(now) + 8 * 3_600_000).getUTCFullYear();
  return [year - 1, year];
};
const streets = () => DISTRICTS.flatMap((d) => d.streets.map((s) => s.id));
const fen = (name: string, meaning: string) => ({ name, type: 'integer' as const, meaning: `${meaning}, in fen (1 yuan = 100 fen).` });

/** Funding's public datasets: street budgets by category and the pools by program line, amounts only. */
export function fundingDatasets(table: Store): Dataset[] {
  const budgets: Dataset = {
    name: 'street-budgets',
    title: 'Street budgets by category',
    description: 'Each street’s approved budget of the current and the previous fiscal year, per category: budgeted, committed, paid out and still available.',
    fields: [
      { name: 'street', type: 'string', meaning: 'The street (D01/S03).' },
      { name: 'year', type: 'integer', meaning: 'The fiscal year.' },
      { name: 'category', type: 'string', meaning: 'personnel, operations, resident-services or capital-projects.' },
      fen('budgetedFen', 'Budgeted, adjustments included'),
      fen('committedFen', 'Committed by allocations and approved requests'),
      fen('disbursedFen', 'Paid out'),
      fen('availableFen', 'Budgeted less committed'),
    ],
    async rows(now) {
      const rows: Array<Record<string, unknown>> = [];
      for (const year of yearsOf(now)) {
        for (const street of streets()) {
          const accounts = await rangeAll<Item & CategoryAccount>(table, { ...keys.budgetCategories(keys.budgetId(street, year)), ascending: true, maxItems: 100 });
          for (const a of accounts) {
            rows.push({ street: a.street, year: a.year, category: a.category, budgetedFen: a.budgetedFen, committedFen: a.committedFen, disbursedFen: a.disbursedFen, availableFen: a.availableFen });
          }
        }
      }
      return rows;
    },
  };
  const pools: Dataset = {
    name: 'street-pools',
    title: 'Fund pools of the streets, by program line',
    description: 'The fund pools each street bundles from departments’ programs for its communities, one row per program line, with the pool’s totals; amounts only.',
    fields: [
      { name: 'street', type: 'string', meaning: 'The street (D01/S03).' },
      { name: 'year', type: 'integer', meaning: 'The fiscal year.' },
      { name: 'poolId', type: 'string', meaning: 'The pool.' },
      { name: 'program', type: 'string', meaning: 'The department’s program the line comes from.' },
      { name: 'department', type: 'string', meaning: 'The department whose program it is.' },
      fen('lineFen', 'The line’s amount'),
      fen('poolTotalFen', 'The whole pool'),
      fen('poolAllocatedFen', 'Allocated from the pool'),
      fen('poolRemainingFen', 'Not yet allocated'),
      fen('poolDisbursedFen', 'Paid out against its allocations'),
    ],
    async rows(now) {
      const rows: Array<Record<string, unknown>> = [];
      for (const year of yearsOf(now)) {
        for (const street of streets()) {
          const items = await rangeAll<Item & Pool>(table, { index: 'gsi1', partition: keys.poolsOfStreet(street, year), ascending: true, maxItems: 10_000 });
          for (const p of items) {
            for (const line of p.lines) {
              rows.push({
                street: p.street,
                year: p.year,
                poolId: p.id,
                program: line.program,
                department: line.department,
                lineFen: line.amountFen,
                poolTotalFen: p.totalFen,
                poolAllocatedFen: p.allocatedFen,
                poolRemainingFen: p.remainingFen,
                poolDisbursedFen: p.disbursedFen,
              });
            }
          }
        }
      }
      return rows;
    },
  };
  return [budgets, pools];
}

/** The `open-data` job of funding. */
export async function exportFundingOpenData(table: Store, now: string) {
  const bucket = OpenDataBucket.fromSettings(settingsFrom(openDataSettings));
  const entries = await bucket.publish('funding', fundingDatasets(table), now);
  return { datasets: entries.length, rows: entries.reduce((n, e) => n + e.rows, 0) };
}
