import { eventsHandler } from '../../../kernel/consumer.ts';
import { notificationConsumers } from '../consumers.ts';
import { notifier, reminders } from '../runtime.ts';
import { notificationsTable } from '../table.ts';

export const handler = eventsHandler({
  service: 'notifications',
  store: notificationsTable,
  consumers: notificationConsumers(notificationsTable, notifier, reminders),
});
