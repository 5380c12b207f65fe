import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { Store } from '../../../kernel/store.ts';
import { tableNameFromEnv } from '../../../kernel/table.ts';
import { assessmentHandlers } from '../assessments/handlers.ts';
import { consentHandlers } from '../consents/handlers.ts';
import { delegationHandlers } from '../delegations/handlers.ts';
import { evaluationHandlers } from '../evaluations/handlers.ts';
import { powerHandlers } from '../powers/handlers.ts';
import { routes } from '../routes.ts';

const table = new Store(tableNameFromEnv('authority'));

export const handler = httpHandler({
  routes,
  store: table,
  handlers: {
    ...consentHandlers(table),
    ...powerHandlers(table),
    ...delegationHandlers(table),
    ...evaluationHandlers(table),
    ...assessmentHandlers(table),
    health: () => health('authority', table),
  },
});
