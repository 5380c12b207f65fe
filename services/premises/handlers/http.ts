import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { Store } from '../../../kernel/store.ts';
import { tableNameFromEnv } from '../../../kernel/table.ts';
import { routes } from '../routes.ts';

const store = new Store(tableNameFromEnv('premises'));

export const handler = httpHandler({
  routes,
  store,
  handlers: {
    health: () => health('premises', store),
  },
});
