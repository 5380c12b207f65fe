import { scheduleHandler } from '../../../kernel/schedule.ts';
import { exportFundingOpenData } from '../open-data.ts';
import { fundingTable as table } from '../table.ts';

/** Funding's open-data export (schedule `open-data` in service.ts). */
export const handler = scheduleHandler({
  service: 'funding',
  schedule: 'open-data',
  run: (cause) => exportFundingOpenData(table, cause.now),
});
