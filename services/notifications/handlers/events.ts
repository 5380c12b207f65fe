import { eventsHandler } from '../../../kernel/consumer.ts';
import { consumers } from '../consumers.ts';
import { notificationReactions } from '../reactions.ts';
import { notifier, reminders } from '../runtime.ts';
import { notificationsTable } from '../table.ts';

export const handler = eventsHandler({
  service: 'notifications',
  store: notificationsTable,
  consumers,
  reactions: notificationReactions(notificationsTable, notifier, reminders),
});
