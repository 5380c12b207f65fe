import { scheduleHandler } from '../../../kernel/schedule.ts';
import { checkDeadlines } from '../issues/deadline-check.ts';
import { dailyOpenData } from '../open-data.ts';
import { coordinationTable } from '../table.ts';

/**
 * The deadline check (schedule `deadline-check` in service.ts), which on its first run of each day
 * (China time) also closes the rankings' due months and publishes coordination's open data.
 */
export const handler = scheduleHandler({
  service: 'coordination',
  schedule: 'deadline-check',
  run: async (cause) => ({ ...(await checkDeadlines(coordinationTable, cause)), ...(await dailyOpenData(coordinationTable, cause)) }),
});
