import { rangeAll } from '../../../kernel/range-page.ts';
import { putNew, type Commit, type Store, type Write } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { Allotment, Plan, PlanAdoption } from './domain.ts';

/** Plans and the per-street allotments that publishing draws on. */
export class PlanStore {
  constructor(readonly table: Store) {}

  async plan(district: string, year: number): Promise<{ plan: Plan; allotments: Allotment[] } | undefined> {
    const item = await this.table.get<Stored<Plan>>(keys.plan(district, year));
    if (!item) return undefined;
    const allotments = await rangeAll<Stored<Allotment>>(this.table, { ...keys.allotmentsOfPlan(district, year), ascending: true, maxItems: 100 });
    return { plan: strip(item), allotments: allotments.map(strip) };
  }

  async allotment(district: string, year: number, street: string): Promise<Allotment | undefined> {
    const item = await this.table.get<Stored<Allotment>>(keys.allotment(district, year, street));
    return item && strip(item);
  }

  adoptionCommit({ plan, allotments, events }: PlanAdoption): Commit {
    const conflict = `${plan.district} already has a recruitment plan for ${plan.year}.`;
    return {
      writes: [
        putNew({ ...keys.plan(plan.district, plan.year), itemType: 'plan', ...plan }, conflict),
        ...allotments.map((a) => putNew({ ...keys.allotment(a.district, a.year, a.street), itemType: 'allotment', ...a }, conflict)),
      ],
      events,
    };
  }
}

/**
 * Draw a position's posts from its street's allotment. The condition is the plan's rule itself
 * (published + quota ≤ posts, and for open positions publishedOpen + quota ≤ posts − reserved), so two
 * positions published at once can never overdraw it, and neither needs to retry when both fit.
 */
export function drawFromAllotment(
  allotment: Allotment,
  draw: { quota: number; open: number },
  conflict: string,
): Write {
  return {
    item: {
      Update: {
        TableName: '',
        Key: keys.allotment(allotment.district, allotment.year, allotment.street),
        UpdateExpression: 'ADD published :quota, publishedOpen :open',
        ConditionExpression: 'published <= :maxPublished AND publishedOpen <= :maxOpen',
        ExpressionAttributeValues: {
          ':quota': draw.quota,
          ':open': draw.open,
          ':maxPublished': allotment.posts - draw.quota,
          ':maxOpen': allotment.posts - allotment.reserved - draw.open,
        },
      },
    },
    conflict,
  };
}
