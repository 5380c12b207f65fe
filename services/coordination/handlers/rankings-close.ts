import { scheduleHandler } from '../../../kernel/schedule.ts';
import { closeMonths } from '../rankings/close.ts';
import { coordinationTable } from '../table.ts';

/** The monthly rankings' close (schedule `rankings-close` in service.ts). */
export const handler = scheduleHandler({
  service: 'coordination',
  schedule: 'rankings-close',
  run: (cause) => closeMonths(coordinationTable, cause),
});
