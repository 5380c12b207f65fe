import { scheduleHandler } from '../../../kernel/schedule.ts';
import { exportPremisesOpenData } from '../open-data.ts';
import { premisesTable } from '../table.ts';

/** Premises' open-data export (schedule `open-data` in service.ts). */
export const handler = scheduleHandler({
  service: 'premises',
  schedule: 'open-data',
  run: (cause) => exportPremisesOpenData(premisesTable, cause.now),
});
