import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { notificationHandlers } from '../handlers.ts';
import { routes } from '../routes.ts';
import { settings } from '../current-settings.ts';
import { notificationsTable } from '../table.ts';

export const handler = httpHandler({
  routes,
  store: notificationsTable,
  handlers: {
    ...notificationHandlers(notificationsTable, () => settings().appUrl),
    health: () => health('notifications', notificationsTable),
  },
});
