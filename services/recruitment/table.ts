import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The recruitment service's one table, shared by its http, events and schedule handlers. */
export const recruitmentTable = new Store(tableNameFromEnv('recruitment'));
