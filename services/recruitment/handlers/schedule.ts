import { scheduleHandler } from '../../../kernel/schedule.ts';
import { dailyOpenData } from '../open-data.ts';
import { checkSecondments } from '../staff/secondment-check.ts';
import { recruitmentTable } from '../table.ts';

/** The past-due secondment check (schedule `secondment-check` in service.ts), and once a day the open data. */
export const handler = scheduleHandler({
  service: 'recruitment',
  schedule: 'secondment-check',
  run: async (cause) => ({ ...(await checkSecondments(recruitmentTable, cause)), ...(await dailyOpenData(recruitmentTable, cause.now)) }),
});
