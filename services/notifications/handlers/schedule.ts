import { scheduleHandler } from '../../../kernel/schedule.ts';
import { notifier, reminders } from '../runtime.ts';

/** E-mails queued longer than this and not sent are the sweep's: their sender failed or died. */
const SWEEP_AFTER_MS = 60_000;

export const handler = scheduleHandler({
  service: 'notifications',
  schedule: 'reminders',
  async run(cause) {
    const { due, told } = await reminders.tick(cause.now);
    const swept = await notifier.sweep(cause.now, new Date(Date.parse(cause.now) - SWEEP_AFTER_MS).toISOString());
    return { due, told, swept };
  },
});
