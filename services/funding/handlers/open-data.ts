import { scheduleHandler } from '../../../kernel/schedule.ts';
import { Store } from '../../../kernel/store.ts';
import { tableNameFromEnv } from '../../../kernel/table.ts';
import { exportFundingOpenData } from '../open-data.ts';

const table = new Store(tableNameFromEnv('funding'));

/** Funding's open-data export (schedule `open-data` in service.ts). */
export const handler = scheduleHandler({
  service: 'funding',
  schedule: 'open-data',
  run: (cause) => exportFundingOpenData(table, cause.now),
});
