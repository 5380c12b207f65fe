import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The premises service's one table, shared by its http and events handlers. */
export const premisesTable = new Store(tableNameFromEnv('premises'));
