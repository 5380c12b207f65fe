import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { complianceHandlers } from '../compliance/handlers.ts';
import { roomHandlers } from '../rooms/handlers.ts';
import { routes } from '../routes.ts';
import { siteHandlers } from '../sites/handlers.ts';
import { standardHandlers } from '../standard/handlers.ts';
import { premisesTable } from '../table.ts';

export const handler = httpHandler({
  routes,
  store: premisesTable,
  handlers: {
    ...standardHandlers(premisesTable),
    ...siteHandlers(premisesTable),
    ...complianceHandlers(premisesTable),
    ...roomHandlers(premisesTable),
    health: () => health('premises', premisesTable),
  },
});
