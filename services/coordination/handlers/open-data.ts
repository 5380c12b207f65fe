import { scheduleHandler } from '../../../kernel/schedule.ts';
import { exportCoordinationOpenData } from '../open-data.ts';
import { coordinationTable } from '../table.ts';

/** Coordination's open-data export (schedule `open-data` in service.ts). */
export const handler = scheduleHandler({
  service: 'coordination',
  schedule: 'open-data',
  run: (cause) => exportCoordinationOpenData(coordinationTable, cause.now),
});
