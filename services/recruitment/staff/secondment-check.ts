import { ConflictError } from '../../../kernel/errors.ts';
import type { Cause } from '../../../kernel/events.ts';
import type { ScheduleRun } from '../../../kernel/schedule.ts';
import type { Store } from '../../../kernel/store.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { flagPastDue } from './domain.ts';
import { StaffStore } from './store.ts';

/** Secondments flagged per run at most; a backlog beyond it is taken up by the next runs. */
const MAX_PER_RUN = 2_000;

/**
 * The past-due check, run on a schedule: every active, unflagged secondment whose last day is
 * before today (a Query on the by-end-date index, never a scan) is flagged, once. A secondment that
 * another run flagged, or that was recalled, meanwhile fails its conditional write and is skipped:
 * running the check twice, or twice at once, flags each secondment once.
 */
export async function checkSecondments(table: Store, cause: Cause, options: { pageSize?: number } = {}): Promise<ScheduleRun> {
  const staff = new StaffStore(table);
  const today = chinaDate(cause.now);
  let due = 0;
  let flagged = 0;
  let skipped = 0;
  let cursor: string | undefined;
  do {
    const page = await staff.dueSecondments(today, { limit: options.pageSize ?? 100, ...(cursor ? { cursor } : {}) });
    for (const secondment of page.items) {
      due += 1;
      const change = flagPastDue(secondment, cause);
      if ('ignored' in change) {
        skipped += 1;
        continue;
      }
      try {
        await table.commit(staff.secondmentCommit(change));
        flagged += 1;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped += 1;
      }
    }
    cursor = page.cursor;
  } while (cursor && due < MAX_PER_RUN);
  return { today, due, flagged, skipped };
}
