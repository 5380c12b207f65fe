import { putNew, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { moveAccount } from '../ledger.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { indexPage } from '../index-page.ts';
import type { Allocation, AllocationChange, DisbursementChange, Pool, PoolChange } from './domain.ts';

const allocationsOfPool = (poolId: string) => `ALLOCATIONS#${poolId}`;

/** Pools, their allocations and the disbursements against those. */
export class PoolStore {
  constructor(readonly table: Store) {}

  async pool(id: string): Promise<Pool | undefined> {
    const item = await this.table.get<Stored<Pool>>(keys.pool(id));
    return item && strip(item);
  }

  async allocation(id: string): Promise<Allocation | undefined> {
    const item = await this.table.get<Stored<Allocation>>(keys.allocation(id));
    return item && strip(item);
  }

  /** A street's pools of a year, oldest first, from gsi1. */
  poolsOfStreet(street: string, year: number, page: { limit: number; cursor?: string }): Promise<Page<Pool>> {
    return indexPage<Pool>(this.table, keys.poolsOfStreet(street, year), page);
  }

  /** A pool's allocations, oldest first, from gsi1. */
  allocationsOfPool(poolId: string, page: { limit: number; cursor?: string }): Promise<Page<Allocation>> {
    return indexPage<Allocation>(this.table, allocationsOfPool(poolId), page);
  }

  poolCommit({ pool, events }: PoolChange): Commit {
    const item = {
      ...keys.pool(pool.id),
      itemType: 'pool',
      gsi1pk: keys.poolsOfStreet(pool.street, pool.year),
      gsi1sk: `${pool.createdAt}#${pool.id}`,
      ...pool,
    };
    return { writes: [putNew(item, `Pool ${pool.id} already exists.`)], events };
  }

  /** The allocation, and its amount drawn from the pool, refused unless the pool still has it. */
  allocationCommit({ allocation: a, events }: AllocationChange): Commit {
    const item = { ...keys.allocation(a.id), itemType: 'allocation', gsi1pk: allocationsOfPool(a.poolId), gsi1sk: `${a.allocatedAt}#${a.id}`, ...a };
    return {
      writes: [
        putNew(item, `Allocation ${a.id} already exists.`),
        moveAccount(
          keys.pool(a.poolId),
          { add: { remainingFen: -a.amountFen, allocatedFen: a.amountFen, allocations: 1 }, covers: { remainingFen: a.amountFen } },
          `Pool ${a.poolId} has less than ${a.amountFen} fen left.`,
        ),
      ],
      events,
    };
  }

  /** The payment under its voucher, drawn from the allocation (refused past what is left) and counted on the pool. */
  disbursementCommit({ disbursement: d, events }: DisbursementChange): Commit {
    return {
      writes: [
        putNew(
          { ...keys.disbursement(d.allocationId, d.voucherRef), itemType: 'disbursement', ...d },
          `Voucher ${d.voucherRef} was already paid against allocation ${d.allocationId}.`,
        ),
        moveAccount(
          keys.allocation(d.allocationId),
          { add: { undisbursedFen: -d.amountFen, disbursedFen: d.amountFen, disbursements: 1 }, covers: { undisbursedFen: d.amountFen } },
          `Allocation ${d.allocationId} has less than ${d.amountFen} fen left to pay.`,
        ),
        moveAccount(keys.pool(d.poolId), { add: { disbursedFen: d.amountFen } }, `Pool ${d.poolId} is missing.`),
      ],
      events,
    };
  }
}
