import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The coordination service's one table, shared by its http, events and schedule handlers. */
export const coordinationTable = new Store(tableNameFromEnv('coordination'));
