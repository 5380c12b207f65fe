import { scheduleHandler } from '../../../kernel/schedule.ts';
import { checkDeadlines } from '../issues/deadline-check.ts';
import { coordinationTable } from '../table.ts';

/** The deadline check (schedule `deadline-check` in service.ts). */
export const handler = scheduleHandler({
  service: 'coordination',
  schedule: 'deadline-check',
  run: (cause) => checkDeadlines(coordinationTable, cause),
});
