import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The notifications service's one table, shared by its http, events, schedule and bounce handlers. */
export const notificationsTable = new Store(tableNameFromEnv('notifications'));
