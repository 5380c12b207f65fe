import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { assessmentHandlers } from '../assessments/handlers.ts';
import { consentHandlers } from '../consents/handlers.ts';
import { delegationHandlers } from '../delegations/handlers.ts';
import { evaluationHandlers } from '../evaluations/handlers.ts';
import { powerHandlers } from '../powers/handlers.ts';
import { routes } from '../routes.ts';
import { authorityTable as table } from '../table.ts';

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
