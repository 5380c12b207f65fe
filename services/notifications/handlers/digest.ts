import { scheduleHandler } from '../../../kernel/schedule.ts';
import { Digests } from '../digest.ts';
import { notifier } from '../runtime.ts';
import { notificationsTable } from '../table.ts';

const digests = new Digests(notificationsTable, notifier);

export const handler = scheduleHandler({
  service: 'notifications',
  schedule: 'daily-digest',
  run: (cause) => digests.run(cause.now),
});
