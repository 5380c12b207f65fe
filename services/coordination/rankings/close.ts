import type { Cause } from '../../../kernel/events.ts';
import type { ScheduleRun } from '../../../kernel/schedule.ts';
import type { Store } from '../../../kernel/store.ts';
import { monthsToClose } from './domain.ts';
import { RankingStore } from './store.ts';

/**
 * The rankings' close, the first step of coordination's daily `open-data` job: records closed every month whose grace has run out (the two before the
 * current one, so a missed run is caught up); closing twice changes nothing.
 */
export async function closeMonths(table: Store, cause: Cause): Promise<ScheduleRun> {
  const rankings = new RankingStore(table);
  const closed: string[] = [];
  for (const month of monthsToClose(cause.now)) if (await rankings.close(month, cause.now)) closed.push(month);
  return { closed: closed.join(',') || 'none' };
}
