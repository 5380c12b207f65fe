import { health } from '../../../kernel/health.ts';
import { httpHandler } from '../../../kernel/http.ts';
import { applicationHandlers } from '../applications/handlers.ts';
import { appointmentHandlers } from '../appointments/handlers.ts';
import { planHandlers } from '../plans/handlers.ts';
import { positionHandlers } from '../positions/handlers.ts';
import { routes } from '../routes.ts';
import { staffHandlers } from '../staff/handlers.ts';
import { recruitmentTable } from '../table.ts';

export const handler = httpHandler({
  routes,
  store: recruitmentTable,
  handlers: {
    ...appointmentHandlers(recruitmentTable),
    ...planHandlers(recruitmentTable),
    ...positionHandlers(recruitmentTable),
    ...applicationHandlers(recruitmentTable),
    ...staffHandlers(recruitmentTable),
    health: () => health('recruitment', recruitmentTable),
  },
});
