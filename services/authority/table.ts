import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The authority service's one table, shared by its http and events handlers. */
export const authorityTable = new Store(tableNameFromEnv('authority'));
