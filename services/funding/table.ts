import { Store } from '../../kernel/store.ts';
import { tableNameFromEnv } from '../../kernel/table.ts';

/** The funding service's one table, shared by its http and events handlers. */
export const fundingTable = new Store(tableNameFromEnv('funding'));
