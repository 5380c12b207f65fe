import { scheduleHandler } from '../../../kernel/schedule.ts';
import { checkSecondments } from '../staff/secondment-check.ts';
import { recruitmentTable } from '../table.ts';

/** The past-due secondment check (schedule `secondment-check` in service.ts). */
export const handler = scheduleHandler({
  service: 'recruitment',
  schedule: 'secondment-check',
  run: (cause) => checkSecondments(recruitmentTable, cause),
});
