import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import type { Store } from '../../../kernel/store.ts';
import { budgetHandlers } from '../budgets/handlers.ts';
import { poolHandlers } from '../pools/handlers.ts';
import { projectHandlers } from '../projects/handlers.ts';
import { requestHandlers } from '../requests/handlers.ts';
import { routes } from '../routes.ts';
import { summaryHandlers } from '../summary/handlers.ts';
import { fundingTable } from '../table.ts';

/** The funding http function around a table. */
export function fundingHttp(table: Store) {
  return httpHandler({
    routes,
    store: table,
    handlers: {
      ...budgetHandlers(table),
      ...poolHandlers(table),
      ...projectHandlers(table),
      ...requestHandlers(table),
      ...summaryHandlers(table),
      health: () => health('funding', table),
    },
  });
}

export const handler = fundingHttp(fundingTable);
